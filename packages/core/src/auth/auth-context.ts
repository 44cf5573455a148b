import type { Role } from './role'

/**
 * The caller, as established from a verified token and nothing else. Every tenant route reads the
 * tenant from here; no route takes it from the path, query or body (the operator's routes excepted).
 */
export interface AuthContext {
  userId: string
  email: string
  role: Role
  /** Absent only for the platform operator. */
  tenantId: string | undefined
  /** Set for `unit` users: the one unit they act for. */
  unitId: string | undefined
}
