/**
 * The one template registry (DESIGN.md §5): our template keys, the fields each template carries with WeChat's value
 * type, the default keyword names (the template's own, from the MP console: configuration may override them), the
 * configuration name of its WeChat template id, and the page a notice opens. Adding a template touches this table
 * and configuration only.
 */
export type ValueKind = 'thing' | 'character_string' | 'phrase' | 'time' | 'number' | 'name'

export interface TemplateSpec {
  /** What the user knows the notice as (in lists of notices and of grants). */
  label: string
  /** Environment variable holding the WeChat template id (and `<name>_KEYWORDS` for other keyword names). */
  config: string
  fallbackId: string
  fields: Record<string, { kind: ValueKind; keyword: string }>
  /** The page a notice opens; `{id}` is the subject's id. */
  page: string
}

/** What a reporter (and a follower) hears of a case: its number, the status reached, a note, when. */
const caseProgressFields = {
  number: { kind: 'character_string', keyword: 'character_string1' },
  status: { kind: 'phrase', keyword: 'phrase2' },
  note: { kind: 'thing', keyword: 'thing3' },
  time: { kind: 'time', keyword: 'time4' },
} as const

export const templateRegistry = {
  // To a reporter and the followers, three templates asked in one tap (WeChat lets a user allow up to three at once,
  // each allowing one message): 受理 (accepted, rejected, referred), 派单 (dispatched), 办结 (resolved, closed).
  case_accepted: {
    label: '受理通知',
    config: 'TEMPLATE_CASE_ACCEPTED',
    fallbackId: 'tpl-case-accepted',
    page: 'packages/case/detail/index?id={id}',
    fields: caseProgressFields,
  },
  case_dispatched: {
    label: '派单进展',
    config: 'TEMPLATE_CASE_DISPATCHED',
    fallbackId: 'tpl-case-dispatched',
    page: 'packages/case/detail/index?id={id}',
    fields: caseProgressFields,
  },
  case_resolved: {
    label: '办结通知',
    config: 'TEMPLATE_CASE_RESOLVED',
    fallbackId: 'tpl-case-resolved',
    page: 'packages/case/detail/index?id={id}',
    fields: caseProgressFields,
  },
  case_dispatch: {
    label: '派单通知',
    config: 'TEMPLATE_CASE_DISPATCH',
    fallbackId: 'tpl-case-dispatch',
    page: 'packages/case/detail/index?id={id}',
    fields: {
      number: { kind: 'character_string', keyword: 'character_string1' },
      category: { kind: 'thing', keyword: 'thing2' },
      place: { kind: 'thing', keyword: 'thing3' },
      deadline: { kind: 'time', keyword: 'time4' },
    },
  },
  // To staff: a deadline near (黄牌) or missed (红牌), an escalation, an extension asked or answered, 督办.
  case_alert: {
    label: '时限预警',
    config: 'TEMPLATE_CASE_ALERT',
    fallbackId: 'tpl-case-alert',
    page: 'packages/case/detail/index?id={id}',
    fields: {
      number: { kind: 'character_string', keyword: 'character_string1' },
      note: { kind: 'thing', keyword: 'thing2' },
      deadline: { kind: 'time', keyword: 'time3' },
    },
  },
  booking_request: {
    label: '预约申请',
    config: 'TEMPLATE_BOOKING_REQUEST',
    fallbackId: 'tpl-booking-request',
    page: 'packages/mediation/booking/index?id={id}',
    fields: {
      room: { kind: 'thing', keyword: 'thing1' },
      time: { kind: 'time', keyword: 'time2' },
      dispute: { kind: 'thing', keyword: 'thing3' },
      requester: { kind: 'name', keyword: 'name4' },
    },
  },
  booking_status: {
    label: '预约状态',
    config: 'TEMPLATE_BOOKING_STATUS',
    fallbackId: 'tpl-booking-status',
    page: 'packages/mediation/booking/index?id={id}',
    fields: {
      room: { kind: 'thing', keyword: 'thing1' },
      time: { kind: 'time', keyword: 'time2' },
      status: { kind: 'phrase', keyword: 'phrase3' },
      note: { kind: 'thing', keyword: 'thing4' },
    },
  },
  booking_reminder: {
    label: '说事提醒',
    config: 'TEMPLATE_BOOKING_REMINDER',
    fallbackId: 'tpl-booking-reminder',
    page: 'packages/mediation/booking/index?id={id}',
    fields: {
      room: { kind: 'thing', keyword: 'thing1' },
      time: { kind: 'time', keyword: 'time2' },
      address: { kind: 'thing', keyword: 'thing3' },
      note: { kind: 'thing', keyword: 'thing4' },
    },
  },
  // To the residents linked to a grid's households: a new notice (通知公告).
  announcement: {
    label: '社区通知',
    config: 'TEMPLATE_ANNOUNCEMENT',
    fallbackId: 'tpl-announcement',
    page: 'packages/field/notice/index?id={id}',
    fields: {
      title: { kind: 'thing', keyword: 'thing1' },
      grid: { kind: 'thing', keyword: 'thing2' },
      time: { kind: 'time', keyword: 'time3' },
    },
  },
} as const satisfies Record<string, TemplateSpec>

export type TemplateKey = keyof typeof templateRegistry

/** The case's progress templates, asked together in one tap wherever a resident will hear of a case. */
export const caseProgressTemplates = ['case_accepted', 'case_dispatched', 'case_resolved'] as const satisfies readonly TemplateKey[]
export type CaseProgressTemplate = (typeof caseProgressTemplates)[number]
export const templateKeys = Object.keys(templateRegistry) as [TemplateKey, ...TemplateKey[]]

/**
 * The grants one "允许" of a long-term template (长期订阅, for 政务民生 mini-programs) stands for: WeChat lets us send
 * until the user turns it off, which it tells us with 43101 on a send (the grants are then reset to 0).
 */
export const LONG_TERM_GRANTS = 1_000_000

/** WeChat's limits per value kind ("订阅消息参数值内容限制说明"); a violation is errcode 47003. */
const limits: Record<ValueKind, number> = { thing: 20, character_string: 32, phrase: 5, time: 32, number: 32, name: 10 }
const EMPTY = '无'
// eslint-disable-next-line no-misleading-character-class -- the joiner and the variation selector are meant one by one
const controlOrEmoji = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f\p{Cc}\p{Cf}]/gu

/**
 * One value made safe for its kind: newlines and emoji removed, cut by characters (not UTF-16 units), never empty.
 * `character_string` keeps letters, digits and ASCII symbols only; `phrase` and `name` keep Chinese characters.
 */
export function keywordValue(kind: ValueKind, raw: string): string {
  let s = raw
    .replace(/[\r\n\t]+/g, ' ')
    .replace(controlOrEmoji, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (kind === 'character_string') s = s.replace(/[^\x21-\x7e]/g, '')
  if (kind === 'number') s = s.replace(/[^0-9.]/g, '')
  if (kind === 'phrase' || kind === 'name') s = s.replace(/[^\p{Script=Han}·]/gu, '')
  const chars = Array.from(s)
  const max = limits[kind]
  if (chars.length > max) s = kind === 'thing' ? chars.slice(0, max - 1).join('') + '…' : chars.slice(0, max).join('')
  return s || (kind === 'number' ? '0' : EMPTY)
}

/** The `data` of subscribeMessage.send for a template, from our field values and the keyword names in force. */
export function templateData(key: TemplateKey, fields: Record<string, string>, keywords: Record<string, string> = {}): Record<string, { value: string }> {
  const spec: TemplateSpec = templateRegistry[key]
  return Object.fromEntries(Object.entries(spec.fields).map(([name, f]) => [keywords[name] ?? f.keyword, { value: keywordValue(f.kind, fields[name] ?? '') }]))
}

/** A template's name for people; a key no longer in the registry (an old notice) shows as it is. */
export const templateLabel = (key: string) => (key in templateRegistry ? (templateRegistry[key as TemplateKey] as TemplateSpec).label : key)

export const templatePage = (key: TemplateKey, subjectId: string) => (templateRegistry[key] as TemplateSpec).page.replace('{id}', encodeURIComponent(subjectId))
