import { permissions, permits, scopesFor } from './permissions'

const dispatcher = [{ role: 'dispatcher' as const, scopeId: 's-qingshi' }]

describe('the permission table', () => {
  it('lets everyone signed in act as a resident, and nobody unsigned', () => {
    expect(permits([], 'linjiang', 'cases.submit')).toBe(true)
    expect(permits([], undefined, 'cases.submit')).toBe(false)
    expect(permits([], undefined, 'session.create')).toBe(true)
  })
  it('checks the scope of scoped actions', () => {
    expect(permits(dispatcher, 'linjiang', 'cases.list.queue', 's-qingshi')).toBe(true)
    expect(permits(dispatcher, 'linjiang', 'cases.list.queue', 's-bailu')).toBe(false)
    expect(permits([], 'linjiang', 'cases.list.queue')).toBe(false)
    expect(scopesFor(dispatcher, 'cases.list.queue')).toEqual(['s-qingshi'])
  })
  it('keeps district rules to the caller’s own district', () => {
    expect(permits([{ role: 'admin', scopeId: 'linjiang' }], 'linjiang', 'invites.create')).toBe(true)
    expect(permits([{ role: 'admin', scopeId: 'linjiang' }], 'other', 'invites.create')).toBe(false)
    expect(permits(dispatcher, 'linjiang', 'invites.create')).toBe(false)
  })
  it('names roles that exist for every action', () => {
    for (const p of Object.values(permissions)) expect(p.roles === 'anyone' || p.roles.length > 0).toBe(true)
  })
})
