export * from './announcements'
export * from './checkins'
export * from './households'
