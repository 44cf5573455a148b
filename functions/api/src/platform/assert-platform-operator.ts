import { type AuthContext, ForbiddenError } from '@pingce/core'

/** The operator's use cases take the caller as verified (it has no tenant, so no Actor). */
export function assertPlatformOperator(options: { caller: AuthContext }): void {
  if (options.caller.role !== 'platform-operator') {
    throw new ForbiddenError({ message: '仅平台运营账户可执行此操作' })
  }
}
