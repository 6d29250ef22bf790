import { slaDeadlines, slaBands } from './sla'

describe('slaDeadlines', () => {
  it('adds each band interval to the submission time', () => {
    const at = new Date('2026-01-01T00:00:00.000Z')
    expect(slaDeadlines('urgent', at)).toEqual({
      acceptBy: '2026-01-01T00:15:00.000Z',
      dispatchBy: '2026-01-01T01:00:00.000Z',
      resolveBy: '2026-01-02T00:00:00.000Z',
    })
  })

  it('keeps every band ordered accept ≤ dispatch ≤ resolve', () => {
    for (const b of Object.values(slaBands)) {
      expect(b.acceptMinutes).toBeLessThanOrEqual(b.dispatchMinutes)
      expect(b.dispatchMinutes).toBeLessThan(b.resolveMinutes)
    }
  })
})
