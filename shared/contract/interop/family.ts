/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import { open311Discovery, open311Request, open311Requests, open311ServiceDefinition, open311Services } from './open311'
import { openApiRoute } from './openapi'
import type { Permission } from '../../domain/permission-rules'
import { open, type RouteAccess } from '../../domain/access'

export const routes = {
  openapiGet: openApiRoute,
  open311Discovery,
  open311Services,
  open311ServiceDefinition,
  open311Requests,
  open311Request,
} as const

export { interopErrors as errors } from './errors'

export const permissions = {
  // The API's own description: anyone may read it.
  'openapi.read': { roles: 'anyone', scope: 'none' },
  // GeoReport v2's reads: the taxonomy and the public face of cases, for anyone (outside clients sign in to nothing;
  // jurisdiction_id names the district).
  'open311.read': { roles: 'anyone', scope: 'none' },
} as const satisfies Record<string, Permission>

export const access = {
  openapiGet: open(200),
  open311Discovery: open(200),
  open311Services: open(200),
  open311ServiceDefinition: open(200),
  open311Requests: open(200),
  open311Request: open(404),
} as const satisfies Record<string, RouteAccess>
