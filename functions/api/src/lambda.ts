import { handle } from 'hono/aws-lambda'
import { createApp } from './app'
import { loadConfig } from './config'
import { createDependencies } from './dependencies'
import { createLogger } from './logging/logger'

// Read once per cold start; an invalid configuration fails the init with a message naming the variable.
const config = loadConfig(process.env)
const logger = createLogger({ level: config.LOG_LEVEL, base: { service: 'pingce-api' } })

// The app is built once per process, at init: the request logger's `cold_start` is its first invocation.
export const handler = handle(createApp(createDependencies({ config, logger })))
