import { openApiDocument } from './openapi'
import { routes } from '../families'

describe('openApiDocument', () => {
  const doc = openApiDocument(routes)

  it('has one operation per route, named after its handler', () => {
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p)) as { operationId: string }[]
    expect(ops.map((o) => o.operationId).sort()).toEqual(Object.keys(routes).sort())
  })

  it('describes bodies, parameters, auth and errors from the zod schemas', () => {
    const loginOp = doc.paths['/v1/auth/login']!.post as any
    expect(loginOp.security).toEqual([])
    expect(loginOp.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', required: ['code'], additionalProperties: false })
    const locate = doc.paths['/v1/grids/locate']!.get as any
    // Public: a visitor may call it signed-out, a session is used when there is one.
    expect(locate.security).toEqual([{}, { session: [] }])
    expect((doc.paths['/v1/cases']!.post as any).security).toEqual([{ session: [] }])
    expect(locate.parameters.map((p: any) => [p.name, p.in, p.required])).toEqual([
      ['lat', 'query', true],
      ['lng', 'query', true],
    ])
    expect((doc.paths['/v1/grids/{id}']!.get as any).parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true })
    expect((doc.paths['/v1/invites']!.post as any).responses['201']).toBeDefined()
    expect((doc.components.schemas.Error as any).properties.error.properties.code.enum).toContain('invite.used')
  })
})
