import { PasswordSchema } from '@pingce/core'

// No 0/O, 1/l/I: the admin reads the password out to the user once.
const letters = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ'
const digits = '23456789'
const alphabet = `${letters}${digits}`

/**
 * A one-time password for an invitation or reset when the admin gives none: 16 characters from a
 * 57-symbol alphabet (about 93 bits), always meeting {@link PasswordSchema}.
 */
export function generatePassword(options: { length?: number } = {}): string {
  const length = options.length ?? 16
  for (;;) {
    // Rejection sampling keeps every symbol equally likely (no modulo bias).
    const symbols: string[] = []
    while (symbols.length < length) {
      for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
        if (byte < 256 - (256 % alphabet.length) && symbols.length < length) {
          symbols.push(alphabet[byte % alphabet.length] ?? '')
        }
      }
    }
    const password = symbols.join('')
    if (PasswordSchema.safeParse(password).success) return password
  }
}
