import { allowedBookingEvents, bookingLifecycle, type BookingActor } from './lifecycle'

const as = (...a: BookingActor[]) => new Set(a)

describe('booking lifecycle', () => {
  it('shows each side only its own moves', () => {
    expect(allowedBookingEvents('requested', as('requester'))).toEqual(['cancel', 'reschedule'])
    expect(allowedBookingEvents('requested', as('mediator'))).toEqual(['confirm', 'decline', 'cancel', 'reschedule'])
    expect(allowedBookingEvents('confirmed', as('respondent'))).toEqual(['refuse'])
    expect(allowedBookingEvents('confirmed', as('mediator'))).toEqual(['cancel', 'reschedule', 'check_in', 'no_show'])
    expect(allowedBookingEvents('checked_in', as('mediator'))).toEqual(['complete'])
    for (const end of ['declined', 'cancelled', 'refused', 'no_show'] as const)
      expect(allowedBookingEvents(end, as('requester', 'respondent', 'mediator'))).toEqual([])
    // After the session only the agreement's confirmations and the follow-up visit remain (the service narrows them).
    expect(allowedBookingEvents('completed', as('requester'))).toEqual(['confirm_agreement', 'rate'])
    expect(allowedBookingEvents('completed', as('mediator'))).toEqual(['follow_up'])
  })

  it('sends a resident’s reschedule back to the mediator, and lets the mediator’s stand', () => {
    expect(bookingLifecycle.row('confirmed', 'reschedule', as('requester'))!.to).toBe('requested')
    expect(bookingLifecycle.row('confirmed', 'reschedule', as('mediator'))!.to).toBe('confirmed')
  })

  it('tells forbidden from out of state', () => {
    expect(bookingLifecycle.verdict('requested', 'confirm', as('requester'))).toBe('forbidden')
    expect(bookingLifecycle.verdict('confirmed', 'confirm', as('mediator'))).toBe('invalidState')
    expect(bookingLifecycle.verdict('requested', 'refuse', as('respondent'))).toBe('ok')
  })

  it('tells the other side of every move that concerns them', () => {
    const notify = (event: string, who: BookingActor) => bookingLifecycle.rows.find((r) => r.event === event && r.who.includes(who))!.notify
    expect(notify('book', 'requester')).toEqual(['mediator'])
    expect(notify('confirm', 'mediator')).toEqual(['requester', 'respondent'])
    expect(notify('cancel', 'requester')).toEqual(['mediator', 'respondent'])
    expect(notify('refuse', 'respondent')).toEqual(['requester', 'mediator'])
  })
})
