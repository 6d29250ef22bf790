/**
 * 说事 in the H5 build, three phones: a resident finds a room and books a slot (two days ahead at least) → invites the other party, who joins
 * with the code → the mediator confirms → (the server's clock moved to the day before) the reminder is recorded by
 * the stand-in → (moved to the session) the mediator checks in and records a written agreement → both parties
 * confirm it → the agreement PDF downloads with its Chinese text. The local stage's clock is put back afterwards.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { addDays, chinaDate } from '@linli/shared'
import { cloud, expectAccessible, moveClock, pageSettled, phones, sweep } from './steps'

jest.setTimeout(150_000)

const LIUAN = { latitude: 30.503, longitude: 114.304 }

/** Moves the server's clock to `at` (forward only). */
async function clockTo(at: number) {
  const { now } = await moveClock({ reset: true })
  const minutes = Math.ceil((at - Date.parse(now)) / 60_000)
  if (minutes > 0) await moveClock({ advanceMinutes: minutes })
}
const messages = async (openid: string, template: string) =>
  ((await (await fetch(`${cloud().urls.wechat}/dev/messages?touser=${openid}`)).json()) as { messages: { template_id: string }[] }).messages.filter(
    (m) => m.template_id === template,
  ).length

const signedIn = phones(LIUAN, () => moveClock({ reset: true }))

/**
 * Taps a home entry until its page shows `ready`: a staff member's home re-renders once their roles arrive, and a
 * tap during that render can land on the entry being replaced (seen once in a full run).
 */
async function openEntry(page: Page, entry: string, ready: string) {
  for (let i = 0; i < 3; i++) {
    await page.getByText(entry).first().tap()
    if (
      await page
        .locator(ready)
        .first()
        .waitFor({ timeout: 5000 })
        .then(
          () => true,
          () => false,
        )
    )
      return
  }
  throw new Error(`${entry} did not open ${ready}`)
}

const status = (page: Page, label: string) => page.locator('.booking .nut-tag', { hasText: label }).first().waitFor()
const act = (page: Page, type: string) => page.locator(`.booking__action--${type}`).tap()

async function until(check: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 200))
  }
}

it('find a room → book → invite → confirm → reminder → check in → agreement → both confirm → PDF', async () => {
  // The resident finds 柳岸社区调解室 and books its first free session.
  const resident = await signedIn('王小梅')
  await openEntry(resident, '预约说事', '.rooms__item')
  await resident.locator('.rooms__item', { hasText: '柳岸社区调解室' }).tap()
  // A day at least two days ahead, so the day-before reminder is still to come whatever the hour of the run.
  await resident.locator('.slot-picker__day', { hasText: '可约' }).nth(2).tap()
  await resident.locator('.slot-picker__time:not([disabled])').first().tap()
  const chosen = await resident.locator('.room__chosen').innerText()
  expect(chosen).toContain('王秀兰')
  await resident.locator('.room__summary textarea').fill('楼上装修噪音持续到深夜，沟通多次无果')
  await resident.locator('.room__other input').fill('楼上住户')
  const booked = resident.waitForResponse((r) => r.url().endsWith('/v1/bookings') && r.request().method() === 'POST')
  await resident.locator('.room__submit .nut-button').tap()
  const booking = (await (await booked).json()) as { id: string; start: string; inviteCode: string }
  await status(resident, '待确认')
  const code = await resident.locator('.booking__code').innerText()
  expect(code.trim()).toBe(booking.inviteCode)
  // A browser has no share card: 复制邀请 puts the code and the join page's link on the clipboard (Taro's H5 keeps a copy).
  await resident.locator('.booking__copy').tap()
  await resident.getByText('邀请码和链接已复制，发给对方即可').waitFor()
  const copied = await resident.evaluate(() => (JSON.parse(localStorage.getItem('taro_clipboard') ?? '{}') as { data?: string }).data ?? '')
  expect(copied).toContain(`邀请码：${booking.inviteCode}`)
  expect(copied).toContain(`#/packages/mediation/join/index?code=${booking.inviteCode}`)

  // The other party joins with the code.
  const other = await signedIn('张丽')
  await openEntry(other, '预约说事', '.rooms__join')
  await other.locator('.rooms__join').tap()
  await other.locator('.join__code input').fill(code.trim())
  await other.locator('.join__submit .nut-button').tap()
  await status(other, '待确认')
  await other.getByText('不参加调解').waitFor()
  await expectAccessible(other, 'booking, the other party')

  // The mediator confirms from 预约管理.
  const mediator = await signedIn('王秀兰')
  await mediator.getByText('预约管理').tap()
  await mediator.locator('.bookings__item').first().tap()
  await act(mediator, 'confirm')
  await status(mediator, '已确认')

  // The day before (the local clock moved), the sweep sends the reminder; the stand-in records it.
  const start = Date.parse(booking.start)
  await clockTo(start - 24 * 3600_000 + 60_000)
  await sweep()
  await until(async () => (await messages('o-demo-resident', 'tpl-booking-reminder')) > 0)

  // At the session: check in, record a written agreement.
  await clockTo(start - 10 * 60_000)
  // The hour-before reminder is due now: swept here, so the cloud's own sweep (every 30 s) cannot move the booking
  // under the mediator's check-in (a 409 seen once in a full run).
  await sweep()
  await mediator.reload()
  await act(mediator, 'check_in')
  await status(mediator, '已签到')
  await act(mediator, 'complete')
  const form = mediator.locator('.booking-form--complete')
  await form.locator('.booking-form__record textarea').fill('双方到场陈述，经调解达成一致')
  await form.locator('.booking-form__facts textarea').fill('楼上住户装修期间每日施工至深夜')
  await form.locator('.booking-form__disputes textarea').fill('施工时间；楼上住户应控制噪音')
  await form.locator('.booking-form__terms textarea').fill('装修仅在工作日九点至十八点施工，楼上住户向楼下赔礼道歉')
  await form.locator('.booking-form__manner input').fill('自行履行')
  await form.locator('.booking-form__place input').fill('柳岸3栋')
  await form.locator('.booking-form__submit .nut-button').tap()
  await status(mediator, '已完成')

  // Both parties confirm the agreement in the app.
  for (const party of [resident, other]) {
    await party.reload()
    await act(party, 'confirm_agreement')
    await party.locator('.booking__action--confirm_agreement').waitFor({ state: 'detached' })
  }
  await resident.reload()
  await resident.getByText('当事人确认').waitFor()
  expect(await resident.locator('.nut-cell', { hasText: '当事人确认' }).innerText()).toMatch(/王小梅、张丽|张丽、王小梅/)

  // The agreement PDF downloads, its text in Chinese.
  const download = resident.waitForEvent('download')
  await resident.locator('.booking__pdf').tap()
  const file = join(mkdtempSync(join(tmpdir(), 'linli-e2e-')), 'agreement.pdf')
  await (await download).saveAs(file)
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  for (const words of ['人民调解协议书', '申请人：王小梅', '被申请人：张丽', '调解员：王秀兰', '工作日九点至十八点施工', '张丽已于'])
    expect(text).toContain(words)
})

it('the mediator’s hours page: every field labelled, within the phone’s width whatever was typed, nothing serious for axe', async () => {
  const mediator = await signedIn('王秀兰')
  // A leave 40 days on whose note is one long word (a link, a code), which must not widen the page: made through the
  // API as her, since the form's date picker starts tomorrow, where her bookings of the test above lie.
  const note = `https://example.com/${'x'.repeat(30)}`
  /** A call of the API as her, with the session the app keeps. */
  const asHer = (method: string, path: string, body?: object) =>
    mediator.evaluate(
      async ({ method, path, body }) => {
        const { token } = JSON.parse(localStorage.getItem('linli.session')!).data as { token: string }
        const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
        return (await fetch(path, { method, headers, body: body && JSON.stringify(body) })).json() as Promise<{ id: string }>
      },
      { method, path, body },
    )
  const leave = await asHer('POST', '/v1/rooms/room-liuan/exceptions', { date: addDays(chinaDate(new Date()), 40), kind: 'closed', note })
  try {
    await openEntry(mediator, '接待时间', '.rules-editor__rule')
    // The session length says what it is.
    const rule = mediator.locator('.rules-editor__rule').first()
    await rule.getByText('每场').waitFor()
    await rule.getByText('分钟').waitFor()
    await mediator.locator('.exceptions-editor__item', { hasText: note }).waitFor()
    // Nothing past the phone's edge (named by its class and text if something is), once the page has slid in: on a
    // warm cloud the data arrive within the router's 300 ms slide, and a check then finds the page a third off screen.
    await pageSettled(mediator)
    const width = mediator.viewportSize()!.width
    const past = await mediator.evaluate(
      (w) =>
        Array.from(document.querySelectorAll<HTMLElement>('.taro_page'))
          .filter((p) => getComputedStyle(p).display !== 'none')
          .flatMap((p) => Array.from(p.querySelectorAll('*')))
          .filter((e) => e.children.length === 0 && e.getBoundingClientRect().right > w + 1)
          .slice(0, 5)
          .map((e) => `${e.className} «${(e.textContent ?? '').slice(0, 40)}» ${Math.round(e.getBoundingClientRect().right)}`),
      width,
    )
    expect(past).toEqual([])
    // Each specialty's label is whole and clear of the next (the issue saw 土地纠纷 cut off at the edge; NutUI
    // squeezed all six onto one line, overlapping).
    const labels = await mediator.locator('.hours__specialties .nut-checkbox-label').evaluateAll((els) =>
      els.map((e) => ({
        left: e.getBoundingClientRect().left,
        right: e.getBoundingClientRect().right,
        top: e.getBoundingClientRect().top,
        whole: e.scrollWidth <= e.clientWidth,
      })),
    )
    expect(labels).toHaveLength(6)
    for (const [i, l] of labels.entries()) {
      expect({ i, whole: l.whole }).toEqual({ i, whole: true })
      const next = labels[i + 1]
      if (next && next.top === l.top) expect(next.left).toBeGreaterThanOrEqual(l.right)
    }
    await expectAccessible(mediator, 'hours')
  } finally {
    await asHer('DELETE', `/v1/rooms/room-liuan/exceptions/${leave.id}`)
  }
})
