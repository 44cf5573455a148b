import { PasswordSchema } from '@pingce/core'
import { describe, expect, it } from 'vitest'
import { generatePassword } from './generate-password'

describe('generatePassword', () => {
  it('always meets the password policy, without look-alike characters, and never repeats', () => {
    // Prepare / Act
    const passwords = Array.from({ length: 200 }, () => generatePassword())
    // Assess
    for (const password of passwords) {
      expect(PasswordSchema.safeParse(password).success).toBe(true)
      expect(password).toMatch(/^[^0O1lI]{16}$/)
    }
    expect(new Set(passwords).size).toBe(passwords.length)
  })
})
