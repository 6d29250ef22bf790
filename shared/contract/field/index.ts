import { createCheckin, listCheckins, startPatrol, endPatrol, getPatrol } from './checkins'

export const fieldRoutes = {
  checkinsCreate: createCheckin,
  checkinsList: listCheckins,
  patrolsStart: startPatrol,
  patrolsEnd: endPatrol,
  patrolsGet: getPatrol,
} as const
