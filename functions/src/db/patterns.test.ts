/** The access-pattern table of ./README.md against the code: every Query is a named pattern, every pattern a row. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { makeDocumentClient } from './client'
import { makeEntities } from './entities'
import { families, patternsOf } from '../families'

type Built = { params: () => { IndexName?: string; ProjectionExpression?: string } }
/** Every family's patterns and the due index's, as the families' list composes them. */
const patterns = patternsOf(makeEntities(makeDocumentClient(new DynamoDBClient({ region: 'cn-north-1' })), 'linli-test', families)) as unknown as Record<
  string,
  { query: (input: object) => Built }
>
const rows = readFileSync(join(__dirname, 'README.md'), 'utf8')
  .split('## Access patterns')[1]!
  .split('\n')
  .filter((l) => l.startsWith('| ') && !l.startsWith('| pattern') && !l.startsWith('|---'))
  .map((l) => l.split('|').map((c) => c.trim()))
  .map(([, name, , index, condition]) => ({ name: name!, index: index!, condition: condition! }))
/** The key condition and options a pattern builds for `input`. */
function q(title: string, input: object) {
  const pattern = patterns[title]
  if (!pattern) throw new Error(`no access pattern "${title}"`)
  return pattern.query(input).params()
}
/** A row whose key condition is a Query's: `pk = …` or `gsiNpk = …`. */
const queries = rows.filter((r) => /`(pk|gsi\dpk) =/.test(r.condition))

describe('access patterns', () => {
  it('names every pattern in the README and every Query row of the README in the code', () => {
    const titles = Object.keys(patterns)
    for (const title of titles) expect(rows.map((r) => r.name).some((n) => n.startsWith(title))).toBe(true)
    for (const row of queries) expect(titles.some((t) => row.name.startsWith(t))).toBe(true)
    expect(queries).toHaveLength(titles.length)
  })

  it('queries the index the README says, and reads only what an index projects', () => {
    const params = {
      'district catalogue': q('district catalogue', { districtId: 'd' }),
      'user with roles': q('user with roles', { userId: 'u' }),
      'grants of a user': q('grants of a user', { userId: 'u' }),
      'holders of a role in a scope': q('holders of a role in a scope', { districtId: 'd', scopeId: 's', role: 'official' }),
      'followers of a case': q('followers of a case', { districtId: 'd', caseId: 'c' }),
      'a list page': q('a list page', { viewKey: 'd#MINE#u', status: 'submitted' }),
      'open cases near a point': q('open cases near a point', { districtId: 'd', cell: 'wt3q2x', categoryId: 'cat' }),
      'notices of a subject': q('notices of a subject', { districtId: 'd', kind: 'case', id: 'c' }),
      'rules of a room': q('rules of a room', { districtId: 'd', roomId: 'r' }),
      "a room's calendar": q("a room's calendar", { districtId: 'd', roomId: 'r', from: '2026-12-01', to: '2026-12-14' }),
      'bookings of a person': q('bookings of a person', { listKey: 'd#BOOKINGS#MEDIATOR#m', index: 'gsi2', when: 'upcoming', now: '2026-12-01T00:00:00.000Z' }),
      'check-ins of a grid': q('check-ins of a grid', { districtId: 'd', gridId: 'g', from: '2026-12-01T00:00:00.000Z' }),
      'check-ins of a person': q('check-ins of a person', { districtId: 'd', userId: 'u', to: '2026-12-01T00:00:00.000Z' }),
      'points of a patrol': q('points of a patrol', { districtId: 'd', patrolId: 'p' }),
      'the roster of a grid': q('the roster of a grid', { districtId: 'd', gridId: 'g' }),
      'households due to visit': q('households due to visit', { districtId: 'd', gridId: 'g', tagKey: 't', dueBy: '2026-12-01T00:00:00.000Z' }),
      "a grid's visits in a month": q("a grid's visits in a month", { districtId: 'd', gridId: 'g', month: '2026-12' }),
      'announcements of a grid': q('announcements of a grid', { districtId: 'd', gridId: 'g' }),
      'counts of an announcement': q('counts of an announcement', { districtId: 'd', announcementId: 'a', counts: 'groups' }),
      'residents linked in a grid': q('residents linked in a grid', { districtId: 'd', gridId: 'g', status: 'linked' }),
      'the audit log of a day': q('the audit log of a day', { districtId: 'd', date: '2026-12-01' }),
      'due now': q('due now', { partition: 'DUE#20261201#0', now: '2026-12-01T00:00:00.000Z' }),
    }
    for (const [title, p] of Object.entries(params)) {
      const row = queries.find((r) => r.name.startsWith(title))!
      if (row.index === 'table') expect(p.IndexName).toBeUndefined()
      else {
        expect(row.index).toContain(p.IndexName!)
        expect(p.ProjectionExpression).toBeDefined()
      }
    }
    expect(params['a list page'].IndexName).toBe('gsi2')
  })
})
