import { listRooms, getRoom, roomSlots, getMediator, putAvailability } from './rooms'
import { createBooking, listBookings, getBooking, fireBookingEvent } from './bookings'

export const mediationRoutes = {
  roomsList: listRooms,
  roomsGet: getRoom,
  roomsSlots: roomSlots,
  availabilityPut: putAvailability,
  mediatorsGet: getMediator,
  bookingsCreate: createBooking,
  bookingsList: listBookings,
  bookingsGet: getBooking,
  bookingsFireEvent: fireBookingEvent,
} as const
