/**
 * Open311 GeoReport v2's reads (contract/interop/open311.ts): the district's taxonomy as services (an item of it is a
 * service, its class the group) and its cases as service requests — only their public face, what a stranger may see
 * in the app: category, status, grid, times and a position snapped to about 100 m; never the reporter, the words or
 * the address, and nothing at all of a case of a sensitive class (disputes, public order …).
 */
import {
  caseStatusLabels,
  chinaW3c,
  DomainError,
  isDomainError,
  open311StatusOf,
  OPEN311_DEFAULT_DAYS,
  OPEN311_MAX_REQUESTS,
  statusesOf,
  caseEventLabels,
  caseStatuses,
  type CaseEventType,
  type Open311Request,
  type RouteQuery,
  type open311Requests,
  type open311Updates,
} from '@linli/shared'
import type { Catalogue } from '../district/ports'
import type { ChangedCase } from '../cases/ports'
import type { Open311Deps } from './ports'

/** The most index items one search reads (its cost stays bounded whatever the district's size). */
const READ_BOUND = 5 * OPEN311_MAX_REQUESTS
const PAGE = 200

/** The district `jurisdiction_id` names (the deployment's own when absent), with its catalogue. */
async function jurisdiction(deps: Open311Deps, jurisdictionId: string | undefined) {
  const districtId = jurisdictionId ?? deps.defaultDistrictId
  try {
    return { districtId, catalogue: await deps.catalogue(districtId) }
  } catch (err) {
    if (isDomainError(err) && err.status === 404) throw new DomainError('open311.jurisdictionNotFound')
    throw err
  }
}

export async function services(deps: Open311Deps, jurisdictionId?: string) {
  const { catalogue } = await jurisdiction(deps, jurisdictionId)
  const { classes, categories, departments } = catalogue
  return [...categories]
    .sort((a, b) => (classes.find((c) => c.id === a.classId)?.order ?? 0) - (classes.find((c) => c.id === b.classId)?.order ?? 0) || a.order - b.order)
    .map((c) => {
      const group = classes.find((k) => k.id === c.classId)?.name ?? ''
      return {
        service_code: c.id,
        service_name: c.name,
        description: `${group}：${c.name}，由${departments.find((d) => d.id === c.departmentId)?.name ?? '职能部门'}办理`,
        // Nothing beyond the description, a place and photos is asked of a report: no attributes to define.
        metadata: false,
        type: 'realtime' as const,
        keywords: [group, c.name].join(','),
        group,
      }
    })
}

export async function serviceDefinition(deps: Open311Deps, serviceCode: string, jurisdictionId?: string) {
  const { catalogue } = await jurisdiction(deps, jurisdictionId)
  if (!catalogue.categories.some((c) => c.id === serviceCode)) throw new DomainError('open311.serviceNotFound')
  return { service_code: serviceCode, attributes: [] }
}

export function discovery(baseUrl: string) {
  const changeset = chinaW3c('2026-12-07T00:00:00Z')
  return {
    changeset,
    contact: '所在区综治中心（网格化服务管理中心）',
    key_service: '合作方上报所需的 api_key 由辖区管理员签发',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${baseUrl}/open311/v2`,
        changeset,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  }
}

/**
 * Whether a case has a public face at all: not of a sensitive class. A case whose words wait for review shows too —
 * the face carries no words of anyone's (category, status, grid, times, a snapped point).
 */
const isPublic = (catalogue: Catalogue, c: Pick<ChangedCase, 'categoryId'>) => {
  const category = catalogue.categories.find((k) => k.id === c.categoryId)
  return !!category && !catalogue.classes.find((k) => k.id === category.classId)?.sensitive
}

/** About 100 m: a neighbour's door is never pinned. */
const snapped = (x: number) => Math.round(x * 1000) / 1000

function requestOf(catalogue: Catalogue, c: ChangedCase): Open311Request {
  const { status, finer } = open311StatusOf[c.status]
  const departmentId = catalogue.categories.find((k) => k.id === c.categoryId)?.departmentId
  return {
    service_request_id: c.caseId,
    status,
    status_notes: caseStatusLabels[c.status],
    service_name: c.categoryName,
    service_code: c.categoryId,
    agency_responsible: catalogue.departments.find((d) => d.id === departmentId)?.name ?? '',
    requested_datetime: chinaW3c(c.createdAt),
    updated_datetime: chinaW3c(c.updatedAt),
    ...(status === 'open' ? { expected_datetime: chinaW3c(c.resolveBy) } : {}),
    address: c.gridName,
    ...(c.lat !== undefined && c.lng !== undefined ? { lat: snapped(c.lat), long: snapped(c.lng) } : {}),
    extended_attributes: { external_status_code: finer },
  }
}

export async function request(deps: Open311Deps, caseId: string, jurisdictionId?: string) {
  const { districtId, catalogue } = await jurisdiction(deps, jurisdictionId)
  const found = await deps.repos.cases.get(districtId, caseId)
  if (!found || !isPublic(catalogue, found.record)) throw new DomainError('open311.requestNotFound')
  return [requestOf(catalogue, found.record)]
}

/** One request as the community's Swagger description has it: the record itself, not a list of one. */
export const requestRecord = async (deps: Open311Deps, caseId: string, jurisdictionId?: string) => (await request(deps, caseId, jurisdictionId))[0]!

/** A token is the case's id (this server answers a report with its id at once): it names a case with a public face. */
export async function token(deps: Open311Deps, tokenId: string, jurisdictionId?: string) {
  const [found] = await request(deps, tokenId, jurisdictionId)
  return [{ service_request_id: found!.service_request_id, token: tokenId }]
}

/** The cases `keep` wants of those changed since `start`, read from the index of cases by status (bounded: see READ_BOUND). */
async function changedSince(deps: Open311Deps, districtId: string, statuses: readonly ChangedCase['status'][], start: Date, keep: (c: ChangedCase) => boolean) {
  const found: ChangedCase[] = []
  let read = 0
  for (const status of statuses) {
    let startKey: Record<string, unknown> | undefined
    do {
      const page = await deps.repos.cases.changedSince(districtId, status, start.toISOString(), PAGE, startKey)
      read += page.items.length
      found.push(...page.items.filter(keep))
      startKey = page.lastKey
    } while (startKey && read < READ_BOUND && found.length < OPEN311_MAX_REQUESTS)
  }
  return found
}

/** The span a search asks for: the spec's default is the last `days` days up to now. */
function spanOf(deps: Open311Deps, q: { start_date?: string; end_date?: string }, days: number) {
  const end = q.end_date ? new Date(q.end_date) : deps.clock()
  const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - days * 86_400_000)
  if (Number.isNaN(end.getTime()) || Number.isNaN(start.getTime()) || start > end)
    throw new DomainError('request.invalid', [{ path: 'start_date', message: '开始时间须早于结束时间' }])
  return { start, end }
}

/**
 * The updates of a span (mySociety's servicerequestupdates, what FixMyStreet pulls; the last day unless asked): every
 * change of state of a public case, newest last, its words the event's name only — never a note written for the
 * case's own people. At most 1,000 cases' timelines are read.
 */
export async function updates(deps: Open311Deps, q: RouteQuery<typeof open311Updates>) {
  const { districtId, catalogue } = await jurisdiction(deps, q.jurisdiction_id)
  const { start, end } = spanOf(deps, q, 1)
  const changed = await changedSince(deps, districtId, caseStatuses, start, (c) => isPublic(catalogue, c) && c.updatedAt <= end.toISOString())
  // A case that changed status while the statuses were read may have been met twice: many() reads it once.
  const cases = await deps.repos.cases.many(
    districtId,
    changed.map((c) => c.caseId),
  )
  const inSpan = (at: string) => at >= start.toISOString() && at <= end.toISOString()
  return cases
    .flatMap(({ record, timeline }) =>
      timeline.flatMap(({ to, ...t }) =>
        to && t.from !== to && inSpan(t.at)
          ? [
              {
                update_id: `${record.caseId}~${t.eventId}`,
                service_request_id: record.caseId,
                status: open311StatusOf[to].status,
                external_status_code: open311StatusOf[to].finer,
                updated_datetime: chinaW3c(t.at),
                description: caseEventLabels[t.type as CaseEventType] ?? caseStatusLabels[to],
                media_url: '',
                at: t.at,
              },
            ]
          : [],
      ),
    )
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(0, OPEN311_MAX_REQUESTS)
    .map(({ at: _at, ...u }) => u)
}

/**
 * A search: by ids (≤ 50), or the cases requested in a span (the spec's default: the last 90 days) of the statuses and
 * services asked for, newest first, a page of them. The span is read from the index of cases by status changed since
 * its start (a case requested in it changed in it), at most READ_BOUND items, and at most 1,000 found.
 */
export async function requests(deps: Open311Deps, q: RouteQuery<typeof open311Requests>) {
  const { districtId, catalogue } = await jurisdiction(deps, q.jurisdiction_id)
  const codes = q.service_code?.split(',')
  const wanted = (c: ChangedCase) => isPublic(catalogue, c) && (!codes || codes.includes(c.categoryId))
  if (q.service_request_id) {
    const found = await deps.repos.cases.many(districtId, q.service_request_id.split(','))
    return found
      .map((f) => f.record)
      .filter(wanted)
      .map((c) => requestOf(catalogue, c))
  }
  const { start, end } = spanOf(deps, q, OPEN311_DEFAULT_DAYS)
  const statuses = (q.status?.split(',') ?? ['open', 'closed']).flatMap((s) => statusesOf(s as 'open' | 'closed'))
  // A case requested in the span changed in it: the index of changes since its start holds every one.
  const found = await changedSince(
    deps,
    districtId,
    statuses,
    start,
    (c) => wanted(c) && c.createdAt >= start.toISOString() && c.createdAt <= end.toISOString(),
  )
  const newest = found.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, OPEN311_MAX_REQUESTS)
  return newest.slice((q.page - 1) * q.page_size, q.page * q.page_size).map((c) => requestOf(catalogue, c))
}
