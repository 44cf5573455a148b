import type { Logger } from './logging/logger'

/** Per-request values that middleware puts on the Hono context. */
export interface AppVariables {
  requestId: string
  logger: Logger
}

export interface AppEnv {
  Variables: AppVariables
  // On Lambda `hono/aws-lambda` passes the API Gateway event and context as bindings.
  Bindings: { event?: unknown; lambdaContext?: unknown }
}
