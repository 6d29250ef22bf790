import { parentLevel } from './grid'

describe('parentLevel', () => {
  it('is one level up and undefined at the top', () => {
    expect(parentLevel('grid')).toBe('community')
    expect(parentLevel('street')).toBe('district')
    expect(parentLevel('district')).toBeUndefined()
  })
})
