/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import { createUpload } from './uploads'
import { rule, type Permission } from '../../domain/permission-rules'
import { signedIn, type RouteAccess } from '../../domain/access'

export const routes = { uploadsCreate: createUpload } as const

export { uploadErrors as errors } from './errors'

export const permissions = {
  'uploads.create': rule.signedIn,
} as const satisfies Record<string, Permission>

export const access = {
  uploadsCreate: signedIn(201),
} as const satisfies Record<string, RouteAccess>
