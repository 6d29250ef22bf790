/** Times on every page are China time (Asia/Shanghai, UTC+8) whatever the phone's zone: a phone set to UTC too. */
process.env.TZ = 'UTC'
import { formatTime } from '../../src/utils/format'

test('a phone in UTC shows the China time of a case, as bookings do', () => {
  const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
  expect(formatTime(`${thisYear}-06-06T17:51:00.000Z`)).toBe('06-07 01:51')
  expect(formatTime('2020-12-31T16:30:00.000Z')).toBe('2021-01-01 00:30')
  expect(formatTime(undefined)).toBe('')
  expect(formatTime('not a time')).toBe('not a time')
})
