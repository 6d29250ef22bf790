/**
 * The API contract, composed from its families: each family folder exports its routes (by handler name); a new
 * family adds its folder and one line here. serverless.yml's functions are generated from this map.
 */
import { identityRoutes } from './identity'
import { districtRoutes } from './district'
import { uploadRoutes } from './uploads'
import { notifyRoutes } from './notify'
import { caseRoutes } from './cases'
import { mediationRoutes } from './mediation'
import { fieldRoutes } from './field'

export * from './route'
export * from './common'
export * from './identity/auth'
export * from './identity/invites'
export * from './district/grids'
export * from './district/categories'
export * from './district/departments'
export * from './uploads/uploads'
export * from './notify/subscriptions'
export * from './cases/cases'
export * from './cases/reports'
export * from './mediation/rooms'
export * from './mediation/bookings'
export * from './field/checkins'
export * from './field/households'
export * from './field/announcements'
export * from './openapi'

export const routes = { ...identityRoutes, ...districtRoutes, ...uploadRoutes, ...notifyRoutes, ...caseRoutes, ...mediationRoutes, ...fieldRoutes } as const
export type RouteName = keyof typeof routes
