import type { IssuedToken } from '@pingce/core'
import type { Services } from '../services'

/**
 * Signs in with email and password: a token on success, 401 for a wrong pair, 429 while the account
 * is locked out (5 failures lock it for 15 minutes; the identity provider keeps the count).
 */
export async function signIn(options: {
  deps: Pick<Services, 'identity'>
  input: { email: string; password: string }
}): Promise<IssuedToken> {
  return options.deps.identity.signIn(options.input)
}
