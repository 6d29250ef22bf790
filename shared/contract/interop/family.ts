/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import {
  open311Discovery,
  open311Request,
  open311RequestCreate,
  open311RequestSingular,
  open311Requests,
  open311ServiceDefinition,
  open311Services,
  open311Token,
  open311Updates,
  open311UpdateCreate,
} from './open311'
import { partnersCreate, partnersList, partnersRevoke } from './partners'
import { openApiRoute } from './openapi'
import type { Permission } from '../../domain/permission-rules'
import { only, open, rec, type RouteAccess } from '../../domain/access'

export const routes = {
  openapiGet: openApiRoute,
  open311Discovery,
  open311Services,
  open311ServiceDefinition,
  open311Requests,
  open311Request,
  open311RequestSingular,
  open311RequestCreate,
  open311Token,
  open311Updates,
  open311UpdateCreate,
  partnersList,
  partnersCreate,
  partnersRevoke,
} as const

export { interopErrors as errors } from './errors'

export const permissions = {
  // The API's own description: anyone may read it.
  'openapi.read': { roles: 'anyone', scope: 'none' },
  // GeoReport v2's reads: the taxonomy and the public face of cases, for anyone (outside clients sign in to nothing;
  // jurisdiction_id names the district).
  'open311.read': { roles: 'anyone', scope: 'none' },
  // A partner's report: no session; its api_key is checked by the use case (a missing or revoked key answers 403).
  'open311.submit': { roles: 'anyone', scope: 'none' },
  // The district's admins issue, list and revoke partners' keys.
  'open311.partners': { roles: ['admin'], scope: 'district' },
} as const satisfies Record<string, Permission>

export const access = {
  openapiGet: open(200),
  open311Discovery: open(200),
  open311Services: open(200),
  open311ServiceDefinition: open(200),
  open311Requests: open(200),
  open311Request: open(404),
  open311RequestSingular: open(404),
  // Every probe carries an unknown key: refused alike, signed in or not.
  open311RequestCreate: open(403),
  open311Token: open(404),
  open311Updates: open(200),
  open311UpdateCreate: open(403),
  partnersList: only(['admin'], 200),
  partnersCreate: only(['admin'], 201),
  partnersRevoke: only(['admin'], rec(200)),
} as const satisfies Record<string, RouteAccess>
