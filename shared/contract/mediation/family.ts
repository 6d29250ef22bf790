/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import {
  listRooms,
  getRoom,
  roomSlots,
  getMediator,
  putAvailability,
  putRoom,
  putMediatorProfile,
  listExceptions,
  createException,
  deleteException,
} from './rooms'
import { createBooking, listBookings, getBooking, fireBookingEvent, joinBooking, bookingCalendar, agreementPdf } from './bookings'
import { rule, type Permission } from '../../domain/permission-rules'
import { only, signedIn, rec, open, publicRecord, type RouteAccess } from '../../domain/access'

export const routes = {
  roomsList: listRooms,
  roomsGet: getRoom,
  roomsSlots: roomSlots,
  roomsPut: putRoom,
  exceptionsList: listExceptions,
  exceptionsCreate: createException,
  exceptionsDelete: deleteException,
  availabilityPut: putAvailability,
  mediatorsGet: getMediator,
  mediatorsPut: putMediatorProfile,
  bookingsCreate: createBooking,
  bookingsJoin: joinBooking,
  bookingsList: listBookings,
  bookingsGet: getBooking,
  bookingsFireEvent: fireBookingEvent,
  bookingsCalendar: bookingCalendar,
  bookingsAgreement: agreementPdf,
} as const

export { mediationErrors as errors } from './errors'

export const permissions = {
  // Mediation: rooms and mediators are public to the district's residents; a booking is read and moved by its
  // parties and its mediator (the lifecycle's actors); a mediator keeps the hours and the bookings of their rooms.
  'rooms.read': rule.publicRead,
  'mediators.read': rule.publicRead,
  'availability.manage': { roles: ['mediator'], scope: 'room' },
  'rooms.manage': { roles: ['admin'], scope: 'district' },
  // A mediator's leave and extra hours, or an admin's closure of a whole room: the service tells which it is.
  'exceptions.manage': { roles: ['mediator', 'admin'], scope: 'record' },
  'mediators.editProfile': { roles: ['mediator'], scope: 'none' },
  'bookings.create': rule.signedIn,
  'bookings.join': rule.signedIn,
  'bookings.list': rule.signedIn,
  'bookings.list.mediator': { roles: ['mediator'], scope: 'room' },
  'bookings.read': rule.onRecord,
  'bookings.fireEvent': rule.onRecord,
  'bookings.mediate': { roles: ['mediator'], scope: 'room' },
} as const satisfies Record<string, Permission>

export const access = {
  roomsList: open(200),
  roomsGet: publicRecord,
  roomsSlots: publicRecord,
  roomsPut: only(['admin'], { own: 200, foreign: 200 }),
  exceptionsList: publicRecord,
  // A mediator takes leave in their own room only; an admin closes any room of the district.
  exceptionsCreate: { ...only(['mediator', 'admin'], rec(201, 201)), mediator: rec(201, 403) },
  // Deleting what the caller made; another mediator's leave is not theirs to know of.
  exceptionsDelete: only(['mediator', 'admin'], rec(200)),
  availabilityPut: only(['mediator'], rec(200, 403)),
  mediatorsGet: publicRecord,
  // Own is the caller's own profile; another mediator's answers 404.
  mediatorsPut: only(['mediator'], rec(200)),
  bookingsCreate: signedIn(201),
  bookingsJoin: signedIn(404),
  bookingsList: signedIn(200),
  // A booking is its parties' and its mediator's; the probe of events cancels with a stale version.
  bookingsGet: only(['resident', 'mediator'], rec(200), rec(404)),
  bookingsFireEvent: only(['resident', 'mediator'], rec(409), rec(404)),
  bookingsCalendar: only(['resident', 'mediator'], rec(200), rec(404)),
  // No agreement before the session is held, so 404 for all (its parties' download is in mediation.test.ts).
  bookingsAgreement: signedIn(rec(404)),
} as const satisfies Record<string, RouteAccess>
