import { newInviteCode, userIdFor } from './ids'
import { inviteCodeSchema } from '@linli/shared'

describe('ids', () => {
  it('derives a stable user id that depends on the salt and hides the openid', () => {
    const a = userIdFor('o-abc', 'salt-one-salt-one')
    expect(userIdFor('o-abc', 'salt-one-salt-one')).toBe(a)
    expect(userIdFor('o-abc', 'salt-two-salt-two')).not.toBe(a)
    expect(userIdFor('o-abd', 'salt-one-salt-one')).not.toBe(a)
    expect(a).not.toContain('abc')
    expect(a).toMatch(/^u[A-Za-z0-9_-]{22}$/)
  })

  it('draws invite codes the contract accepts, without look-alike characters', () => {
    const codes = Array.from({ length: 200 }, newInviteCode)
    for (const code of codes) {
      expect(inviteCodeSchema.parse(code)).toBe(code)
      expect(code).not.toMatch(/[01IO]/)
    }
    expect(new Set(codes).size).toBeGreaterThan(195)
  })
})
