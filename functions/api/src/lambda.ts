// Placeholder replaced by the real entry in the foundation work.
import { Hono } from 'hono'
import { handle } from 'hono/aws-lambda'

export const handler = handle(new Hono().get('/health', (c) => c.json({ status: 'ok' })))
