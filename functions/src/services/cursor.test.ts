import { decodeCursor, encodeCursor } from './cursor'

describe('cursors', () => {
  const key = { pk: 'CASE#1', sk: 'VIEW#MINE#u', gsi1pk: 'MINE#u', gsi1sk: '2026#1' }

  it('round-trips the key for the same list', () => {
    const c = encodeCursor('secret', 'MINE#u', key)!
    expect(decodeCursor('secret', 'MINE#u', c)).toEqual(key)
    expect(encodeCursor('secret', 'MINE#u', undefined)).toBeUndefined()
  })

  it('refuses tampered cursors, cursors of another list and garbage', () => {
    const c = encodeCursor('secret', 'MINE#u', key)!
    const [body, mac] = c.split('.')
    const forged = Buffer.from(JSON.stringify({ l: 'MINE#u', k: { ...key, gsi1pk: 'MINE#other' } })).toString('base64url')
    for (const bad of [`${forged}.${mac}`, `${body}.x${mac!.slice(1)}`, 'nonsense', `${body}`]) {
      expect(() => decodeCursor('secret', 'MINE#u', bad)).toThrow(expect.objectContaining({ code: 'cursor.invalid' }))
    }
    expect(() => decodeCursor('secret', 'MINE#other', c)).toThrow(expect.objectContaining({ code: 'cursor.invalid' }))
    expect(() => decodeCursor('other-secret', 'MINE#u', c)).toThrow(expect.objectContaining({ code: 'cursor.invalid' }))
  })
})
