import { bookingStatusLabels, chinaClock, chinaDate, weekdayLabels, weekdayOf, type BookingStatus } from '@linli/shared'

/** 12月7日 周一 09:00, in China time whatever the phone's zone. */
export function sessionTime(iso: string) {
  const date = chinaDate(iso)
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${weekdayLabels[weekdayOf(date)]} ${chinaClock(iso)}`
}

const tagTypes: Record<BookingStatus, 'primary' | 'success' | 'warning' | 'default' | 'danger'> = {
  requested: 'warning',
  confirmed: 'primary',
  checked_in: 'primary',
  completed: 'success',
  declined: 'default',
  cancelled: 'default',
  refused: 'default',
  no_show: 'danger',
}
export const statusTag = (s: BookingStatus) => ({ type: tagTypes[s], label: bookingStatusLabels[s] })
