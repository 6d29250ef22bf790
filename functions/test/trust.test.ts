/**
 * What strangers learn (issue "Trust, second round"), replayed over HTTP: a follower of someone else's case is told
 * what the public view shows, never the words written for the case's own people.
 */
import { api, eventually, login, standin, uniqueOpenid } from './support/client'

jest.setTimeout(60_000)

const inLiuan1 = { lat: 30.5051, lng: 114.3052 }
const REASON = '3栋302室王阿姨1234私下反映'

it("a follower's message carries the event's label only; the reporter's carries the dispatcher's reason", async () => {
  const [aOpenid, bOpenid] = [uniqueOpenid('trust-reporter'), uniqueOpenid('trust-stranger')]
  const [reporter, stranger] = await Promise.all([login(aOpenid), login(bOpenid)])
  for (const who of [reporter, stranger])
    expect((await api('POST', '/v1/subscriptions', { token: who.token, body: { templateKey: 'case_accepted', result: 'accept' } })).status).toBe(200)
  const c = (
    await api('POST', '/v1/cases', {
      token: reporter.token,
      body: { categoryId: 'cat-ads', description: '楼道里贴满了小广告，一直没人清理', location: inLiuan1 },
    })
  ).body
  expect((await api('POST', `/v1/cases/${c.id}/follow`, { token: stranger.token })).status).toBeLessThan(300)
  const dispatcher = await login('o-demo-dispatcher')
  expect((await api('POST', `/v1/cases/${c.id}/events`, { token: dispatcher.token, body: { type: 'reject', reason: REASON } })).status).toBe(200)

  const messageTo = (openid: string) =>
    eventually(async () => {
      const { messages } = await standin('GET', `/dev/messages?touser=${openid}`)
      return messages.find((m: { template_id: string }) => m.template_id === 'tpl-case-accepted')
    })
  const [toReporter, toStranger] = await Promise.all([messageTo(aOpenid), messageTo(bOpenid)])
  expect(JSON.stringify(toReporter)).toContain('王阿姨')
  expect(JSON.stringify(toStranger)).not.toContain('王阿姨')
  expect(JSON.stringify(toStranger)).toContain('不予受理')
})
