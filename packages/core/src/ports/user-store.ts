import type { User } from '../auth/user'

export interface UserStore {
  putUser(options: { tenantId: string; user: User }): Promise<void>
  getUser(options: { tenantId: string; userId: string }): Promise<User | undefined>
  listUsers(options: { tenantId: string }): Promise<User[]>
}
