import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from '../app-env'

/** Three bars on the product's red: small enough to inline, so the icon needs no file or bucket. */
export const faviconSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#b91c1c"/>' +
  '<path d="M7 25V15h5v10zm6.5 0V8h5v17zM20 25v-7h5v7z" fill="#fff"/></svg>'

const faviconRoute = createRoute({
  method: 'get',
  path: '/favicon.ico',
  tags: ['系统 System'],
  summary: '网站图标 The site icon (SVG), public',
  responses: {
    200: { description: 'The icon', content: { 'image/svg+xml': { schema: z.string() } } },
  },
})

/** GET /favicon.ico: public (browsers ask for it without a token), so mount it before `mountIdentity`. */
export function faviconRoutes(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>().openapi(faviconRoute, (c) =>
    c.body(faviconSvg, 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=86400',
    }),
  )
}
