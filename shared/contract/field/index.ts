import { listHouseholds, getHousehold, createHousehold, updateHousehold, deleteHousehold, importHouseholds, exportHouseholds, visitsReport, listAudit } from './households'
import { createAnnouncement, listAnnouncements, getAnnouncement, readAnnouncement, ackAnnouncement, announcementStats, createHouseholdLink, listHouseholdLinks, decideHouseholdLink } from './announcements'
import { createCheckin, listCheckins, startPatrol, endPatrol, getPatrol } from './checkins'

export const fieldRoutes = {
  checkinsCreate: createCheckin,
  checkinsList: listCheckins,
  patrolsStart: startPatrol,
  patrolsEnd: endPatrol,
  patrolsGet: getPatrol,
  householdsList: listHouseholds,
  householdsGet: getHousehold,
  householdsCreate: createHousehold,
  householdsUpdate: updateHousehold,
  householdsDelete: deleteHousehold,
  householdsImport: importHouseholds,
  householdsExport: exportHouseholds,
  reportsVisits: visitsReport,
  auditList: listAudit,
  announcementsCreate: createAnnouncement,
  announcementsList: listAnnouncements,
  announcementsGet: getAnnouncement,
  announcementsRead: readAnnouncement,
  announcementsAck: ackAnnouncement,
  announcementsStats: announcementStats,
  linksCreate: createHouseholdLink,
  linksList: listHouseholdLinks,
  linksDecide: decideHouseholdLink,
} as const
