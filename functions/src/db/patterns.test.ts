/** The access-pattern table of ./README.md against the code: every Query is a named pattern, every pattern a row. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { makeDocumentClient } from './client'
import { makeEntities } from './entities'
import { makePatterns } from './patterns'

const patterns = makePatterns(makeEntities(makeDocumentClient(new DynamoDBClient({ region: 'cn-north-1' })), 'linli-test'))
const rows = readFileSync(join(__dirname, 'README.md'), 'utf8')
  .split('## Access patterns')[1]!
  .split('\n')
  .filter((l) => l.startsWith('| ') && !l.startsWith('| pattern') && !l.startsWith('|---'))
  .map((l) => l.split('|').map((c) => c.trim()))
  .map(([, name, , index, condition]) => ({ name: name!, index: index!, condition: condition! }))
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
      'district catalogue': patterns['district catalogue'].query({ districtId: 'd' }).params(),
      'user with roles': patterns['user with roles'].query({ userId: 'u' }).params(),
      'grants of a user': patterns['grants of a user'].query({ userId: 'u' }).params(),
      'holders of a role in a scope': patterns['holders of a role in a scope'].query({ districtId: 'd', scopeId: 's', role: 'official' }).params(),
      'followers of a case': patterns['followers of a case'].query({ districtId: 'd', caseId: 'c' }).params(),
      'a list page': patterns['a list page'].query({ viewKey: 'd#MINE#u', status: 'submitted' }).params(),
      'open cases near a point': patterns['open cases near a point'].query({ districtId: 'd', cell: 'wt3q2x', categoryId: 'cat' }).params(),
      'notices of a subject': patterns['notices of a subject'].query({ districtId: 'd', kind: 'case', id: 'c' }).params(),
      'rules of a room': patterns['rules of a room'].query({ districtId: 'd', roomId: 'r' }).params(),
      "a room's calendar": patterns["a room's calendar"].query({ districtId: 'd', roomId: 'r', from: '2026-12-01', to: '2026-12-14' }).params(),
      'bookings of a person': patterns['bookings of a person']
        .query({ listKey: 'd#BOOKINGS#MEDIATOR#m', index: 'gsi2', when: 'upcoming', now: '2026-12-01T00:00:00.000Z' })
        .params(),
      'check-ins of a grid': patterns['check-ins of a grid'].query({ districtId: 'd', gridId: 'g', from: '2026-12-01T00:00:00.000Z' }).params(),
      'check-ins of a person': patterns['check-ins of a person'].query({ districtId: 'd', userId: 'u', to: '2026-12-01T00:00:00.000Z' }).params(),
      'points of a patrol': patterns['points of a patrol'].query({ districtId: 'd', patrolId: 'p' }).params(),
      'the roster of a grid': patterns['the roster of a grid'].query({ districtId: 'd', gridId: 'g' }).params(),
      'households due to visit': patterns['households due to visit']
        .query({ districtId: 'd', gridId: 'g', tagKey: 't', dueBy: '2026-12-01T00:00:00.000Z' })
        .params(),
      "a grid's visits in a month": patterns["a grid's visits in a month"].query({ districtId: 'd', gridId: 'g', month: '2026-12' }).params(),
      'announcements of a grid': patterns['announcements of a grid'].query({ districtId: 'd', gridId: 'g' }).params(),
      'counts of an announcement': patterns['counts of an announcement'].query({ districtId: 'd', announcementId: 'a', counts: 'groups' }).params(),
      'residents linked in a grid': patterns['residents linked in a grid'].query({ districtId: 'd', gridId: 'g', status: 'linked' }).params(),
      'the audit log of a day': patterns['the audit log of a day'].query({ districtId: 'd', date: '2026-12-01' }).params(),
      'due now': patterns['due now'].query({ partition: 'DUE#20261201#0', now: '2026-12-01T00:00:00.000Z' }).params(),
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
