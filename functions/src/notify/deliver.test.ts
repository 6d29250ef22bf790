/** Delivery semantics over fakes of our own ports and the recording sender: what each WeChat answer leads to. */
import type { Deps } from '../services/deps'
import { SendError, type NoticeRecord } from './ports'
import { recordingSender } from './senders'
import { MAX_ATTEMPTS, retry, send, UNKNOWN_OUTCOME } from './deliver'
import { templateConfig } from './templates'

const now = new Date('2026-12-01T02:00:00.000Z')
const notice = (over: Partial<NoticeRecord> = {}): NoticeRecord => ({
  districtId: 'd',
  subject: { kind: 'case', id: 'c1' },
  noticeId: `n-${Math.random()}`,
  eventId: 'e1',
  event: 'accept',
  recipientId: 'u1',
  recipientName: '王小梅',
  templateKey: 'case_resolved',
  fields: { number: 'LJ1', status: '已受理', note: '受理\n了🙂', time: '2026-12-01 10:00' },
  state: 'sending',
  attempts: 0,
  createdAt: now.toISOString(),
  ...over,
})

function deps(errcode?: number) {
  const saved: NoticeRecord[] = []
  const resets: string[] = []
  const { sender, sent } = recordingSender(() => errcode)
  const d = {
    clock: () => now,
    sender,
    templates: templateConfig({ TEMPLATE_CASE_RESOLVED_KEYWORDS: 'note:thing7' }),
    miniprogramState: 'trial',
    repos: {
      users: { getWithRoles: async (id: string) => ({ user: { id, districtId: 'd', name: 'x', openid: `o-${id}` }, roles: [] }) },
      outbox: {
        save: async (n: readonly NoticeRecord[]) => void saved.push(...n),
        claim: async (n: readonly NoticeRecord[], leaseUntil: string) => n.map((x) => ({ ...x, state: 'sending', dueAt: leaseUntil })),
      },
      consents: { resetGrants: async (userId: string, key: string) => void resets.push(`${userId}#${key}`) },
    },
  } as unknown as Deps
  return { d, saved, resets, sent }
}

describe('delivery', () => {
  it('sends with the configured template, page, keyword names and safe values, and records it sent', async () => {
    const { d, saved, sent } = deps()
    const [out] = await send(d, [notice()])
    expect(out).toMatchObject({ state: 'sent', attempts: 1, sentAt: now.toISOString() })
    expect(saved.map((n) => n.state)).toEqual(['handed', 'sent'])
    expect(sent[0]).toMatchObject({ openid: 'o-u1', templateId: 'tpl-case-resolved', page: 'packages/case/detail/index?id=c1', miniprogramState: 'trial' })
    expect(sent[0]!.data.thing7).toEqual({ value: '受理 了' })
  })

  it('on 43101 gives up and forgets the grants the user had left', async () => {
    const { d, resets, sent } = deps(43101)
    const [out] = await send(d, [notice()])
    expect(out).toMatchObject({ state: 'dead', lastErrcode: 43101 })
    expect(out!.dueAt).toBeUndefined()
    expect(resets).toEqual(['u1#case_resolved'])
    expect(sent).toHaveLength(0)
  })

  it('retries quota answers a quarter of an hour later, busy answers after a short backoff, and other errcodes never', async () => {
    const quota = (await send(deps(45009).d, [notice()]))[0]!
    expect(quota).toMatchObject({ state: 'failed', attempts: 1, dueAt: new Date(now.getTime() + 15 * 60_000).toISOString() })
    const busy = (await send(deps(-1).d, [notice({ attempts: 1 })]))[0]!
    expect(busy).toMatchObject({ state: 'failed', attempts: 2, dueAt: new Date(now.getTime() + 10_000).toISOString() })
    expect((await send(deps(40003).d, [notice()]))[0]).toMatchObject({ state: 'dead', lastErrcode: 40003 })
    expect((await send(deps(-1).d, [notice({ attempts: MAX_ATTEMPTS - 1 })]))[0]).toMatchObject({ state: 'dead', attempts: MAX_ATTEMPTS })
  })

  it('on the sweeper’s retry sends a failed notice again, but never one handed to WeChat by a worker that then stopped', async () => {
    const { d, saved, sent } = deps()
    const failed = notice({ state: 'failed', attempts: 1, lastErrcode: -1 })
    const stale = notice({ state: 'handed', attempts: 0 })
    const out = await retry(d, [failed, stale])
    expect(out.find((n) => n.noticeId === failed.noticeId)).toMatchObject({ state: 'sent', attempts: 2 })
    expect(out.find((n) => n.noticeId === stale.noticeId)).toMatchObject({ state: 'dead', lastError: UNKNOWN_OUTCOME, dueAt: undefined })
    expect(sent).toHaveLength(1)
    expect(saved.map((n) => n.state).sort()).toEqual(['dead', 'handed', 'sent'])
  })

  it('gives up a send WeChat did not answer in time (it may have arrived): dead, never sent again', async () => {
    const { d } = deps()
    const timedOut = { ...d, sender: { send: async () => Promise.reject(new SendError(undefined, '微信服务暂时不可用（请求超时）', true)) } } as Deps
    expect((await send(timedOut, [notice()]))[0]).toMatchObject({ state: 'dead', attempts: 1, lastError: UNKNOWN_OUTCOME, dueAt: undefined })
  })
})
