/**
 * Interop over HTTP against DynamoDB Local: the OpenAPI document as served (linted by Redocly's CLI), and Open311
 * GeoReport v2's reads in both formats — each JSON answer checked against the community's JSON Schemas
 * (../shared/reference/open311/schema-validation-swagger.json, copied to ./support/open311-swagger.json) and each XML
 * answer read back by a standard XML parser into the same records.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { XMLParser } from 'fast-xml-parser'
import { api, expectError, refusalOf, repos } from './support/client'
import { chinaDate } from '@linli/shared'
import { newDistrict } from './support/scenario'
import { PARTNER_LIMIT } from '../src/services/interop/open311-submit'
import { windowOf } from '../src/services/identity/limits'
import swagger from './support/open311-swagger.json'

jest.setTimeout(120_000)

const D3 = { lat: 30.522512, lng: 114.355049 } // 稻香村第三网格
/** A partner's POST, form-encoded as GeoReport v2 clients send it. */
const post = (path: string, form: Record<string, string> | string) =>
  api('POST', path, {
    raw: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
// The community's formats: the standard ones (date-time, uri) checked by ajv-formats, its own named for what they hold.
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }))
  .addFormat('uid', true)
  .addFormat('double', { type: 'number', validate: Number.isFinite })
  .addFormat('uint', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 })
ajv.addSchema({ $id: 'open311', definitions: swagger.definitions })
const valid = (definition: string, list: boolean) =>
  ajv.compile(list ? { type: 'array', items: { $ref: `open311#/definitions/${definition}` } } : { $ref: `open311#/definitions/${definition}` })
const schemas = {
  services: valid('Service', true),
  definition: valid('ServiceDefinition', false),
  requests: valid('Request', true),
}
const expectValid = (check: ReturnType<typeof valid>, answer: unknown) => {
  check(answer)
  expect(check.errors ?? []).toEqual([])
}

/** The XML answer read by fast-xml-parser, each list element kept a list, every leaf as text. */
const xmlOf = (text: string, lists: string[]) =>
  new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => lists.includes(name) }).parse(text) as Record<string, unknown>
/** The JSON answer with every leaf as text, as XML carries it. */
const asText = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(asText) : x !== null && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, asText(v)])) : String(x)

describe('the OpenAPI document', () => {
  it('is served at /openapi.json, every route with its permission, and Redocly lints it clean', async () => {
    const res = await api('GET', '/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    expect(res.body.paths['/open311/v2/services.{format}'].get['x-permission']).toBe('open311.read')
    expect(res.body.paths['/v1/cases'].post['x-permission']).toBe('cases.submit')
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json')
    writeFileSync(file, JSON.stringify(res.body))
    const { stdout } = await promisify(execFile)(join(process.cwd(), 'node_modules/.bin/redocly'), ['lint', file, '--format=summary'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    })
    expect(stdout).not.toMatch(/error|warning/i)
  })
})

describe('Open311 GeoReport v2', () => {
  it('answers discovery, services and their definitions in JSON and XML, as the community schemas describe them', async () => {
    const d = await newDistrict('o311')
    const q = `?jurisdiction_id=${d.id}`
    const discovery = await api('GET', '/open311/v2/discovery.json')
    expect(discovery.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] })
    expect(discovery.body.changeset).toMatch(/\+08:00$/)

    const services = await api('GET', `/open311/v2/services.json${q}`)
    expect(services.status).toBe(200)
    expectValid(schemas.services, services.body)
    expect(services.body).toHaveLength(d.catalogue.categories.length)
    expect(services.body.find((s: { service_code: string }) => s.service_code === 'cat-road')).toMatchObject({
      service_name: '道路破损',
      group: '公共设施',
      metadata: false,
      type: 'realtime',
    })
    const xml = await api('GET', `/open311/v2/services.xml${q}`)
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service>/)
    expect(xmlOf(xml.body, ['service']).services).toEqual({ service: asText(services.body) })

    const definition = await api('GET', `/open311/v2/services/cat-road.json${q}`)
    expectValid(schemas.definition, definition.body)
    expect(definition.body).toEqual({ service_code: 'cat-road', attributes: [] })
    expect(xmlOf((await api('GET', `/open311/v2/services/cat-road.xml${q}`)).body, [])).toEqual({
      service_definition: { service_code: 'cat-road', attributes: '' },
    })
  })

  it("shows only cases' public face, searches them by id, service, status and time, and pages", async () => {
    const d = await newDistrict('o311req')
    const q = `jurisdiction_id=${d.id}`
    const [resident, dispatcher] = await Promise.all([d.person('resident', '居民乙'), d.person('dispatcher', '白鹭镇坐席', 's-bailu')])
    const report = async (categoryId: string, description: string) =>
      (await api('POST', '/v1/cases', { token: resident.token, body: { categoryId, description, location: { ...D3, address: '稻香村 3 组 12 号' } } })).body
    const road = await report('cat-road', '村口道路塌陷一个大坑')
    const light = await report('cat-streetlight', '三组路灯不亮已经一周')
    const dispute = await report('cat-neighbour', '邻居张三长期占用楼道')
    expect((await api('POST', `/v1/cases/${light.id}/events`, { token: dispatcher.token, body: { type: 'reject', reason: '不属于本辖区' } })).status).toBe(200)

    const all = await api('GET', `/open311/v2/requests.json?${q}`)
    expect(all.status).toBe(200)
    expectValid(schemas.requests, all.body)
    // Newest first; the dispute (a sensitive class) has no public face at all.
    expect(all.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([light.id, road.id])
    const shown = all.body[1]
    expect(shown).toMatchObject({
      status: 'open',
      status_notes: '待受理',
      service_code: 'cat-road',
      service_name: '道路破损',
      address: road.gridName,
      lat: 30.523,
      long: 114.355,
      extended_attributes: { external_status_code: 'OPEN' },
    })
    expect(shown.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
    // Nothing anyone wrote, nor where, nor who.
    expect(JSON.stringify(all.body)).not.toMatch(/塌陷|稻香村 3 组|居民乙|张三/)
    expect(all.body[0]).toMatchObject({ status: 'closed', extended_attributes: { external_status_code: 'NOT_COUNCILS_RESPONSIBILITY' } })

    const ask = async (query: string) =>
      (await api('GET', `/open311/v2/requests.json?${q}&${query}`)).body.map((r: { service_request_id: string }) => r.service_request_id)
    expect(await ask('status=open')).toEqual([road.id])
    expect(await ask('status=closed')).toEqual([light.id])
    expect(await ask('service_code=cat-streetlight,cat-neighbour')).toEqual([light.id])
    expect(await ask(`service_request_id=${road.id},${dispute.id}`)).toEqual([road.id])
    expect(await ask('start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')).toEqual([])
    expect(await ask('page_size=1&page=2')).toEqual([road.id])

    const one = await api('GET', `/open311/v2/requests/${road.id}.json?${q}`)
    expect(one.body).toEqual([shown])
    const oneXml = xmlOf((await api('GET', `/open311/v2/requests/${road.id}.xml?${q}`)).body, ['request'])
    expect(oneXml.service_requests).toEqual({ request: asText(one.body) })
    const listXml = xmlOf((await api('GET', `/open311/v2/requests.xml?${q}`)).body, ['request'])
    expect(listXml.service_requests).toEqual({ request: asText(all.body) })
  })

  it('answers bad requests as the spec says: [{code, description}] in the format asked for, never a 5xx', async () => {
    const hidden = await api('GET', '/open311/v2/requests/nothing-here.json')
    expect(hidden.status).toBe(404)
    expect(hidden.body).toEqual([{ code: 404, description: '没有这个事件（service_request_id）' }])
    const xml = await api('GET', '/open311/v2/services/no-such-service.xml')
    expect(xml.status).toBe(404)
    expect(xmlOf(xml.body, ['error'])).toEqual({ errors: { error: [{ code: '404', description: '没有这个服务（service_code）' }] } })
    const unknown = await api('GET', '/open311/v2/services.json?jurisdiction_id=nowhere')
    expect(unknown.body).toEqual([{ code: 404, description: '没有这个辖区（jurisdiction_id）' }])
    for (const query of ['status=pending', 'page_size=5000', 'start_date=yesterday', 'colour=red', 'start_date=2026-12-01&end_date=2026-11-01']) {
      const bad = await api('GET', `/open311/v2/requests.json?${query}`)
      expect({ query, status: bad.status }).toEqual({ query, status: 400 })
      expect(bad.body[0].code).toBe(400)
      expect(bad.body[0].description).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('takes a partner’s report with its api_key into the same loop, and refuses a missing, wrong or revoked key', async () => {
    const d = await newDistrict('o311post')
    const [admin, dispatcher] = await Promise.all([d.person('admin', '区管理员'), d.person('dispatcher', '白鹭镇坐席', 's-bailu')])
    // The admin issues a key: shown once, listed by its last four characters only.
    expectError(await api('POST', '/v1/admin/partners', { token: dispatcher.token, body: { name: '12345 热线' } }), 403, 'auth.forbidden')
    const issued = await api('POST', '/v1/admin/partners', { token: admin.token, body: { name: '12345 市民热线' } })
    expect(issued.status).toBe(201)
    const key = issued.body.apiKey as string
    expect(key.startsWith(`${d.id}.${issued.body.id}.`)).toBe(true)
    const listed = (await api('GET', '/v1/admin/partners', { token: admin.token })).body.items
    expect(listed).toEqual([{ id: issued.body.id, name: '12345 市民热线', keyHint: key.slice(-4), createdAt: issued.body.createdAt }])
    expect(JSON.stringify(listed)).not.toContain(key.split('.')[2])

    const form = {
      api_key: key,
      jurisdiction_id: d.id,
      service_code: 'cat-streetlight',
      lat: String(D3.lat),
      long: String(D3.lng),
      address_string: '稻香村三组',
      description: '三组路口的路灯连续三晚不亮',
      first_name: '明',
      last_name: '李',
      email: 'li.ming@example.com',
      phone: '+86 139-0000-1234',
      account_id: 'acct-42',
      media_url: '',
      'attribute[colour]': 'red',
    }
    const created = await post('/open311/v2/requests.json', form)
    expect(created.status).toBe(200)
    expect(created.body).toEqual([
      { service_request_id: expect.any(String), service_notice: expect.stringMatching(/^已收到，编号 TS\d{8}\d{4}，待受理/), account_id: 'acct-42' },
    ])
    const id = created.body[0].service_request_id as string
    // In the loop: the street's dispatcher sees it, the partner named as its reporter, its text waiting for review
    // (WeChat checks a WeChat user's words only); the phone sealed as the contact, the names and email not kept.
    const seen = (await api('GET', `/v1/cases/${id}`, { token: dispatcher.token })).body
    expect(seen).toMatchObject({
      status: 'submitted',
      categoryId: 'cat-streetlight',
      gridId: 'g-daoxiang-3',
      reporterName: '12345 市民热线',
      flagged: true,
    })
    expect(JSON.stringify(seen)).not.toMatch(/li\.ming|李/)
    // Its public face shows at once: no words of anyone's are on it, reviewed or not.
    const shown = (await api('GET', `/open311/v2/requests/${id}.json?jurisdiction_id=${d.id}`)).body
    expect(shown[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'cat-streetlight', address: '稻香村第三网格' })
    expect(JSON.stringify(shown)).not.toMatch(/路灯连续|稻香村三组/)
    expect((await api('POST', `/v1/cases/${id}/events`, { token: dispatcher.token, body: { type: 'clear_flag' } })).status).toBe(200)
    expect((await api('GET', `/open311/v2/tokens/${id}.json?jurisdiction_id=${d.id}`)).body).toEqual([{ service_request_id: id, token: id }])
    // Accepted and dispatched: FixMyStreet pulls each change as an update, the event's name only.
    expect((await api('POST', `/v1/cases/${id}/events`, { token: dispatcher.token, body: { type: 'accept' } })).status).toBe(200)
    const since = new Date(Date.now() - 60_000).toISOString()
    const updates = (await api('GET', `/open311/v2/servicerequestupdates.json?jurisdiction_id=${d.id}&start_date=${since}`)).body
    const mine = updates.filter((u: { service_request_id: string }) => u.service_request_id === id)
    expect(mine.map((u: { external_status_code: string; description: string }) => [u.external_status_code, u.description])).toEqual([
      ['OPEN', '上报'],
      ['INVESTIGATING', '受理'],
    ])
    const updatesXml = xmlOf((await api('GET', `/open311/v2/servicerequestupdates.xml?jurisdiction_id=${d.id}&start_date=${since}`)).body, ['request_update'])
    expect(updatesXml.service_request_updates).toEqual({ request_update: asText(updates) })
    // The partner pushes an update back (FixMyStreet's servicerequestupdates): closed withdraws its report.
    const update = { api_key: key, service_request_id: id, status: 'CLOSED', description: '市民来电说路灯已经修好了', update_id: 'fms-7' }
    const pushed = await post('/open311/v2/servicerequestupdates.json', update)
    expect(pushed.status).toBe(200)
    expect(pushed.body).toEqual([{ update_id: expect.stringContaining(id) }])
    const withdrawn = (await api('GET', `/open311/v2/requests/${id}.json?jurisdiction_id=${d.id}`)).body[0]
    expect(withdrawn).toMatchObject({ status: 'closed', extended_attributes: { external_status_code: 'NO_FURTHER_ACTION' } })
    // Open again is for a handled case only; a case the partner did not report is unknown to it.
    const reopen = await post('/open311/v2/servicerequestupdates.xml', { ...update, status: 'open' })
    expect(reopen.status).toBe(409)
    expect(xmlOf(reopen.body, ['error']).errors).toEqual({ error: [{ code: '409', description: 'type: 事件当前为“已撤回”，不能不满意重办' }] })
    expect((await post('/open311/v2/servicerequestupdates.json', { ...update, service_request_id: 'nothing-here' })).status).toBe(404)
    // XML answers too.
    const xml = await post('/open311/v2/requests.xml', { ...form, description: '另一处路灯也不亮了' })
    expect(xmlOf(xml.body, ['request']).service_requests).toMatchObject({ request: [{ service_request_id: expect.any(String), account_id: 'acct-42' }] })

    // Refused: no key, a wrong secret, another district's jurisdiction, a revoked key — nothing is written.
    const before = (await api('GET', `/open311/v2/requests.json?jurisdiction_id=${d.id}&status=open`)).body.length
    const refusals = [
      [{ ...form, api_key: '' }, 400, 'api_key'],
      [{ ...form, api_key: `${key.slice(0, -4)}AAAA` }, 403, 'api_key'],
      [{ ...form, jurisdiction_id: 'linjiang' }, 403, 'jurisdiction_id'],
      [{ ...form, service_code: 'cat-nothing' }, 404, 'service_code'],
      [{ ...form, lat: '39.9', long: '116.4' }, 400, 'location'],
      [{ ...form, description: '<script>alert(1)</script>路灯' }, 400, 'description'],
      [{ ...form, description: '路'.repeat(4001) }, 400, 'description'],
      [{ ...form, long: '' }, 400, 'lat'],
      [{ ...form, colour: 'red' }, 400, 'colour'],
    ] as const
    for (const [body, status, field] of refusals) {
      const res = await post('/open311/v2/requests.json', body as Record<string, string>)
      expect({ field, status: res.status }).toEqual({ field, status })
      expect(refusalOf(res.body).fields?.map((f) => f.path) ?? [refusalOf(res.body).message]).toContainEqual(expect.stringContaining(field))
    }
    const twice = await post('/open311/v2/requests.json', `${new URLSearchParams(form)}&description=again`)
    expect(twice.status).toBe(400)
    expect(refusalOf(twice.body).fields).toEqual([{ path: 'description', message: '同一字段只能填一次' }])
    const json = await api('POST', '/open311/v2/requests.json', { body: form })
    expect(json.status).toBe(415)
    expect((await api('GET', `/open311/v2/requests.json?jurisdiction_id=${d.id}&status=open`)).body.length).toBe(before)

    // A partner's hour holds 600 reports: the 601st is refused in words, nothing written.
    const hour = windowOf(new Date(), 'hour').key
    const users = repos().users
    for (let i = 0; i < PARTNER_LIMIT.hour!; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, () => users.attempt(`partner-${issued.body.id}`, PARTNER_LIMIT.name, hour, 10_000, new Date(Date.now() + 7_200_000))),
      )
    const tooMany = await post('/open311/v2/requests.json', form)
    expect(tooMany.status).toBe(429)
    expect(tooMany.body).toEqual([{ code: 429, description: expect.stringMatching(/^上报太频繁了（每小时最多 600 次），请 \d+ 分钟后再试$/) }])
    expect((await api('GET', `/open311/v2/requests.json?jurisdiction_id=${d.id}&status=open`)).body.length).toBe(before)

    expect((await api('POST', `/v1/admin/partners/${issued.body.id}/revoke`, { token: admin.token })).body.revokedAt).toBeDefined()
    expectError(await api('POST', `/v1/admin/partners/${issued.body.id}/revoke`, { token: admin.token }), 404, 'partner.notFound')
    const revoked = await post('/open311/v2/requests.json', form)
    expect(revoked.status).toBe(403)
    expect(revoked.body).toEqual([{ code: 403, description: 'api_key: api_key 无效或已停用' }])
    const audit = (await repos().audit.day(d.id, chinaDate(new Date()), 20)).items.filter((a) => a.subject === 'open311-partner')
    expect(audit.map((a) => a.fields[0]!.slice(0, 9)).sort()).toEqual(['停用 api_ke', '签发 api_ke'])
  })
})

/**
 * An outside client that knows only the community's Swagger description of GeoReport v2: each of its operations, in
 * both formats, with the parameters it declares (the api_key where it asks for one) — every answer a 200 that its
 * response schema accepts, and the XML the same records as the JSON.
 */
describe('an outside client driven by the community’s Swagger description', () => {
  type Param = { name: string; in: string; $ref?: string }
  type Operation = { parameters: Param[]; security?: unknown[]; responses: Record<string, { schema: unknown }> }
  const paramOf = (p: Param): Param => (p.$ref ? (swagger.parameters as unknown as Record<string, Param>)[p.$ref.split('/').pop()!]! : p)
  const items = ['service', 'request', 'attribute', 'value']
  /** The XML's records: a list's entries, or the one record, with empty lists as XML writes them (empty text). */
  const recordsOf = (xml: string) =>
    Object.values(
      new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name, path) => items.includes(name) && String(path).includes('.') }).parse(xml),
    )[0] as Record<string, unknown>
  const emptyAsXml = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.length
        ? x.map(emptyAsXml)
        : ''
      : x !== null && typeof x === 'object'
        ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, emptyAsXml(v)]))
        : x

  it('gets a valid answer to every operation, in JSON and in XML', async () => {
    const d = await newDistrict('o311sw')
    const [admin, resident] = await Promise.all([d.person('admin', '区管理员'), d.person('resident', '居民丁')])
    const apiKey = (await api('POST', '/v1/admin/partners', { token: admin.token, body: { name: '随手拍' } })).body.apiKey as string
    const reported = (
      await api('POST', '/v1/cases', {
        token: resident.token,
        body: { categoryId: 'cat-road', description: '路面塌陷一个大坑', location: { ...D3, address: '稻香村' } },
      })
    ).body
    const values: Record<string, string> = {
      jurisdiction_id: d.id,
      service_code: 'cat-road',
      service_request_id: reported.id,
      token_id: reported.id,
      lat: String(D3.lat),
      long: String(D3.lng),
      address_string: '稻香村路口',
      start_date: new Date(Date.now() - 3_600_000).toISOString(),
      end_date: new Date(Date.now() + 3_600_000).toISOString(),
      status: 'open',
    }
    const asked: string[] = []
    for (const [path, operations] of Object.entries(swagger.paths as unknown as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(operations)) {
        for (const format of ['json', 'xml']) {
          const params = op.parameters.map(paramOf)
          const url = `/open311/v2${path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'response_format' ? format : values[name]!))}`
          const query = new URLSearchParams(params.filter((p) => p.in === 'query' && values[p.name]).map((p): [string, string] => [p.name, values[p.name]!]))
          if (op.security) query.set('api_key', apiKey)
          const res = await api(method.toUpperCase(), `${url}?${query}`)
          asked.push(`${method} ${path} ${format} → ${res.status}`)
          expect({ op: `${method} ${url}`, status: res.status }).toEqual({ op: `${method} ${url}`, status: 200 })
          if (format === 'json') {
            const schema = JSON.parse(JSON.stringify(op.responses['200']!.schema).replaceAll('#/definitions/', 'open311#/definitions/'))
            expectValid(ajv.compile(schema), res.body)
            if (method === 'get') {
              const xml = await api('GET', `${url.replace(/\.json$/, '.xml')}?${query}`)
              const records = recordsOf(xml.body)
              const list = Array.isArray(res.body)
              expect(list ? Object.values(records)[0] : records).toEqual(asText(emptyAsXml(res.body)))
            }
          } else expect(Object.keys(recordsOf(res.body)).length).toBeGreaterThan(0)
        }
      }
    }
    expect(asked).toHaveLength(12)
  })
})
