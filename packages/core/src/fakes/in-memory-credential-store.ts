import { ConflictError } from '../errors'
import {
  type CredentialStore,
  type StoredCredential,
  StoredCredentialSchema,
} from '../ports/credential-store'

/** The in-memory CredentialStore for unit tests; same contract as the DynamoDB one. */
export class InMemoryCredentialStore implements CredentialStore {
  readonly #byEmail = new Map<string, StoredCredential>()

  async createCredential({ credential }: { credential: StoredCredential }): Promise<void> {
    const valid = StoredCredentialSchema.parse({ ...credential, email: credential.email.toLowerCase() })
    if (this.#byEmail.has(valid.email)) {
      throw new ConflictError({
        message: '该邮箱已被使用',
        issues: [{ path: 'email', message: 'already registered' }],
      })
    }
    this.#byEmail.set(valid.email, valid)
  }

  async getByEmail({ email }: { email: string }): Promise<StoredCredential | undefined> {
    const found = this.#byEmail.get(email.toLowerCase())
    return found ? { ...found } : undefined
  }

  async getByUser(options: {
    tenantId: string | undefined
    userId: string
  }): Promise<StoredCredential | undefined> {
    const found = [...this.#byEmail.values()].find(
      (credential) => credential.tenantId === options.tenantId && credential.userId === options.userId,
    )
    return found ? { ...found } : undefined
  }

  async updateCredential({ credential }: { credential: StoredCredential }): Promise<StoredCredential> {
    const email = credential.email.toLowerCase()
    const stored = this.#byEmail.get(email)
    if (!stored || stored.version !== credential.version) {
      throw new ConflictError({ message: '登录信息已被同时修改，请重试' })
    }
    const next = StoredCredentialSchema.parse({ ...credential, email, version: credential.version + 1 })
    this.#byEmail.set(email, next)
    return { ...next }
  }

  async deleteCredential({ email }: { email: string }): Promise<void> {
    this.#byEmail.delete(email.toLowerCase())
  }
}
