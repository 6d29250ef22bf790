/** Display helpers shared by the pages. */
import { chinaClock, chinaDate } from '@linli/shared'

/**
 * ISO time → `11-23 14:05` in China time whatever the phone's time zone (a government service shows China time
 * everywhere, as bookings already did); the year is said only when it is not this year.
 */
export function formatTime(iso: string | undefined): string {
  if (!iso) return ''
  if (Number.isNaN(Date.parse(iso))) return iso
  const date = chinaDate(iso)
  const shown = `${date.slice(5)} ${chinaClock(iso)}`
  return date.slice(0, 4) === chinaDate(new Date()).slice(0, 4) ? shown : `${date.slice(0, 4)}-${shown}`
}

export function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)} 米` : `${(meters / 1000).toFixed(1)} 公里`
}

/** An RFC 4122 v4 shaped random id, for Idempotency-Key headers. */
export function randomId(): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
