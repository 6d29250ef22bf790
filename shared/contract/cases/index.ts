import { submitCase, listCases, getCase, fireCaseEvent, nearbyCases, followCase, unfollowCase, caseNotices } from './cases'

export const caseRoutes = {
  casesSubmit: submitCase,
  casesList: listCases,
  casesNearby: nearbyCases,
  casesGet: getCase,
  casesFireEvent: fireCaseEvent,
  casesFollow: followCase,
  casesUnfollow: unfollowCase,
  casesNotices: caseNotices,
} as const
