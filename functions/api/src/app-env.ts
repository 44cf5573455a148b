import type { AuthContext } from '@pingce/core'
import type { Logger } from './logging/logger'

/** Per-request values that middleware puts on the Hono context. */
export interface AppVariables {
  requestId: string
  /** The request's logger: every line carries the request's fields (see logging/request-log-fields.ts). */
  logger: Logger
  /** Set by the authenticate middleware from a verified token; absent on public routes. */
  auth: AuthContext
}

export interface AppEnv {
  Variables: AppVariables
  // On Lambda `hono/aws-lambda` passes the API Gateway event and context as bindings.
  Bindings: { event?: unknown; lambdaContext?: unknown }
}
