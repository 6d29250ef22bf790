/**
 * The families of the contract, listed once (DESIGN.md §2 rule 11). Each `contract/<family>/family.ts` declares its
 * routes, error codes, permission actions and rows of the access matrix; this list composes the API's route map (and
 * from it serverless.yml's functions, the OpenAPI document and the mini-program's client), the error catalogue, the
 * permission table and the access matrix. A new family adds its folder and its line in each of the two lists below.
 */
import * as identity from './contract/identity/family'
import * as district from './contract/district/family'
import * as uploads from './contract/uploads/family'
import * as notify from './contract/notify/family'
import * as cases from './contract/cases/family'
import * as mediation from './contract/mediation/family'
import * as field from './contract/field/family'
import * as admin from './contract/admin/family'
import * as command from './contract/command/family'
import * as interop from './contract/interop/family'

export * from './contract/identity'
export * from './contract/district'
export * from './contract/uploads'
export * from './contract/notify'
export * from './contract/cases'
export * from './contract/mediation'
export * from './contract/field'
export * from './contract/admin'
export * from './contract/command'
export * from './contract/interop'

const families = [identity, district, uploads, notify, cases, mediation, field, admin, command, interop] as const

type Listed = (typeof families)[number]
type Intersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never
const compose = <K extends 'routes' | 'errors' | 'permissions' | 'access'>(part: K) =>
  Object.assign({}, ...families.map((f) => f[part])) as Intersection<Listed[K]>

/** Every route of the API, by handler name. */
export const routes = compose('routes')
export type RouteName = keyof typeof routes
/** Who may do what: every family's actions. */
export const permissions = compose('permissions')
/** Every family's error codes (the catalogue adds the common ones: shared/errors). */
export const familyErrors = compose('errors')
/** What each role meets on each route (functions/test/access-matrix.test.ts sends them all). */
export const expectedAccess = compose('access')

type Routes = typeof routes
/** Routes naming an action no family declares: none, or the build fails here. */
type UnknownAction = { [K in keyof Routes]: Routes[K] extends { action: keyof typeof permissions } ? never : K }[keyof Routes]
export const everyActionKnown: [UnknownAction] extends [never] ? true : UnknownAction = true
