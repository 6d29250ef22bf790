export * from './bookings'
export * from './rooms'
