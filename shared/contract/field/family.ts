/**
 * This family's part of the contract, as shared/families.ts composes it: its routes (by handler name), its error codes,
 * its permission actions (DESIGN.md §2) and its rows of the access matrix.
 */
import {
  listHouseholds,
  getHousehold,
  createHousehold,
  updateHousehold,
  deleteHousehold,
  importHouseholds,
  exportHouseholds,
  visitsReport,
  listAudit,
} from './households'
import {
  createAnnouncement,
  listAnnouncements,
  getAnnouncement,
  readAnnouncement,
  ackAnnouncement,
  announcementStats,
  createHouseholdLink,
  listHouseholdLinks,
  decideHouseholdLink,
} from './announcements'
import { createCheckin, listCheckins, startPatrol, endPatrol, getPatrol } from './checkins'
import { rule, type Permission } from '../../domain/permission-rules'
import { only, signedIn, rec, open, publicRecord, fieldStaff, type RouteAccess } from '../../domain/access'

export const routes = {
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

export { fieldErrors as errors } from './errors'

export const permissions = {
  // Field work: a gridworker (or grid leader) checks in and patrols inside a grid they are bound to; a gridworker
  // reads their own check-ins and patrols, a grid leader those of their grids.
  'checkins.create': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  'checkins.list': { roles: ['gridworker', 'grid_leader'], scope: 'record' },
  'checkins.list.grid': { roles: ['grid_leader'], scope: 'node' },
  'patrols.manage': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  'patrols.read': { roles: ['gridworker', 'grid_leader'], scope: 'record' },
  // The roster is the grid's staff's (unmasked, each read audited); a district admin oversees it masked.
  'households.read': { roles: ['gridworker', 'grid_leader', 'admin'], scope: 'record' },
  'households.manage': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  'audit.read': { roles: ['admin'], scope: 'district' },
  // A resident asks to be linked to their household; the grid's staff approve (households.manage).
  'households.link': rule.signedIn,
  // Notices of a grid: its staff publish and see who read them; anyone browses them; anyone signed in records a read
  // and acknowledges.
  'announcements.publish': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  'announcements.browse': rule.publicRead,
  'announcements.read': rule.signedIn,
  'announcements.stats': { roles: ['gridworker', 'grid_leader'], scope: 'node' },
  /** 走访覆盖: the grid leader's view of their grid's visits. */
  'reports.visits': { roles: ['grid_leader'], scope: 'node' },
} as const satisfies Record<string, Permission>

export const access = {
  // Field work is the grid staff's: a check-in inside their grid; their own list; a patrol they started (own), another
  // gridworker's in another grid (foreign), one of another district (other).
  checkinsCreate: only(fieldStaff, 201),
  checkinsList: only(fieldStaff, 200),
  patrolsStart: only(fieldStaff, 200),
  patrolsEnd: only(fieldStaff, rec(200)),
  patrolsGet: only(fieldStaff, rec(200)),
  // The roster of the caller's grid (own), of another grid (foreign), of another district (other): its staff read and
  // change their own; the district admin reads every grid's, masked; the probe of an update sends a stale version.
  householdsList: { ...only(fieldStaff, 200), admin: 200 },
  householdsGet: { ...only(fieldStaff, rec(200)), admin: rec(200, 200) },
  householdsCreate: only(fieldStaff, 201),
  householdsUpdate: only(fieldStaff, rec(409)),
  householdsDelete: only(fieldStaff, rec(200)),
  // The probe names an upload that is not the caller's: the grid's staff get past the role check to a 400.
  householdsImport: only(fieldStaff, 400),
  householdsExport: only(fieldStaff, 200),
  reportsVisits: only(['grid_leader'], 200),
  auditList: only(['admin'], 200),
  // Notices of a grid: its staff publish and see who read them (own: their grid's notice; foreign: another grid's);
  // everyone of the district reads them and acknowledges; another district's is unknown.
  announcementsCreate: only(fieldStaff, 201),
  announcementsList: open(200),
  announcementsGet: publicRecord,
  announcementsRead: signedIn(rec(200, 200)),
  announcementsAck: signedIn(rec(200, 200)),
  announcementsStats: only(fieldStaff, rec(200)),
  // Anyone asks to be linked to their household and reads their own link; the grid's staff decide the grid's requests
  // (the probe approves a door that is not on the roster: 409, nothing changes).
  linksCreate: signedIn(201),
  linksList: signedIn(200),
  linksDecide: only(fieldStaff, rec(409)),
} as const satisfies Record<string, RouteAccess>
