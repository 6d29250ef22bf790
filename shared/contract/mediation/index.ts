import { listRooms, getRoom, roomSlots, getMediator, putAvailability } from './rooms'
import { createBooking, listBookings, getBooking, fireBookingEvent, joinBooking, bookingCalendar, agreementPdf } from './bookings'

export const mediationRoutes = {
  roomsList: listRooms,
  roomsGet: getRoom,
  roomsSlots: roomSlots,
  availabilityPut: putAvailability,
  mediatorsGet: getMediator,
  bookingsCreate: createBooking,
  bookingsJoin: joinBooking,
  bookingsList: listBookings,
  bookingsGet: getBooking,
  bookingsFireEvent: fireBookingEvent,
  bookingsCalendar: bookingCalendar,
  bookingsAgreement: agreementPdf,
} as const
