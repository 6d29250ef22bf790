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

export const mediationRoutes = {
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
