import { NotFoundError, type User, type UserStore } from '@pingce/core'

/** A user of the tenant; another tenant's user id is simply not found here (the same 404). */
export async function findUser(options: {
  users: UserStore
  tenantId: string
  userId: string
}): Promise<User> {
  const user = await options.users.getUser(options)
  if (!user) throw new NotFoundError({ message: '未找到该用户' })
  return user
}
