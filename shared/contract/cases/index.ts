import { submitCase, listCases, getCase, publicCase, fireCaseEvent, nearbyCases, followCase, unfollowCase, caseNotices } from './cases'
import { ratesReport } from './reports'

export const caseRoutes = {
  casesSubmit: submitCase,
  casesList: listCases,
  casesNearby: nearbyCases,
  casesGet: getCase,
  casesPublic: publicCase,
  casesFireEvent: fireCaseEvent,
  casesFollow: followCase,
  casesUnfollow: unfollowCase,
  casesNotices: caseNotices,
  reportsRates: ratesReport,
} as const
