import { login, me } from './auth'
import { createInvite, redeemInvite } from './invites'
import { gridTree, getGrid, locateGrid } from './grids'
import { listCategories } from './categories'
import { createUpload } from './uploads'
import { listDepartments } from './departments'
import { recordSubscription } from './subscriptions'
import { submitCase, listCases, getCase, fireCaseEvent, nearbyCases, followCase, caseNotices } from './cases'

export * from './route'
export * from './common'
export * from './auth'
export * from './invites'
export * from './grids'
export * from './categories'
export * from './uploads'
export * from './departments'
export * from './subscriptions'
export * from './cases'
export * from './openapi'

/** Every route of the API by handler name; serverless.yml declares exactly these (checked by a test). */
export const routes = {
  authLogin: login,
  me,
  invitesCreate: createInvite,
  invitesRedeem: redeemInvite,
  gridsTree: gridTree,
  gridsGet: getGrid,
  gridsLocate: locateGrid,
  categoriesList: listCategories,
  departmentsList: listDepartments,
  uploadsCreate: createUpload,
  subscriptionsRecord: recordSubscription,
  casesSubmit: submitCase,
  casesList: listCases,
  casesNearby: nearbyCases,
  casesGet: getCase,
  casesFireEvent: fireCaseEvent,
  casesFollow: followCase,
  casesNotices: caseNotices,
} as const
export type RouteName = keyof typeof routes
