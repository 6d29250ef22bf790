/**
 * The generic outbox (DESIGN.md §5): it knows subjects ({kind, id}: a case, a booking, an announcement), not cases.
 * A transition writes ONE outbox event in its own transaction; the notifier expands it page by page into one notice
 * per recipient, through the fan-out the subject's family registers.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda'
import type { TemplateKey } from '@linli/shared'

export interface Subject {
  kind: string
  id: string
}

export interface OutboxEvent {
  districtId: string
  subject: Subject
  /** `<at>#<random>`; a continuation page adds `#p<n>`. */
  eventId: string
  /** The family's event name (dispatch, resolve …). */
  type: string
  /** What the family's fan-out needs to address and word the notices. */
  payload: Record<string, unknown>
  /** Where the previous step of the fan-out stopped (absent on the first page). */
  cursor?: string
  createdAt: string
}

export interface Recipient {
  id: string
  name: string
}

/** A notice the family asks for: to whom, which template, and the template's fields as plain text. */
export interface NoticeDraft {
  recipient: Recipient
  templateKey: TemplateKey
  fields: Record<string, string>
}

/** `sending`: claimed by a worker; `handed`: being given to WeChat (if the worker stops now, the outcome is unknown). */
export type NoticeState = 'sending' | 'handed' | 'sent' | 'failed' | 'dead' | 'no_consent'

export interface NoticeRecord {
  districtId: string
  subject: Subject
  noticeId: string
  eventId: string
  /** The subject family's event name the notice tells of. */
  event: string
  recipientId: string
  recipientName: string
  templateKey: TemplateKey
  fields: Record<string, string>
  state: NoticeState
  attempts: number
  lastErrcode?: number
  lastError?: string
  createdAt: string
  sentAt?: string
  /** When the notice must be looked at again: a retry (failed) or the end of a lease (sending). */
  dueAt?: string
}

export interface OutboxRepo {
  /** The outbox events just written, out of a batch of the table's stream. */
  eventsIn(batch: DynamoDBStreamEvent): OutboxEvent[]
  /** The notices of one subject, oldest first, one page. */
  notices(districtId: string, subject: Subject, limit: number): Promise<NoticeRecord[]>
  /**
   * Writes new notices already claimed for delivery (state `sending`), each only if it does not exist yet, and spends
   * the recipients' consent grants in the same write (oldest notices first). Returns the notices claimed and those
   * that had no grant left (recorded as `no_consent`); a notice that existed already is left alone.
   */
  createClaimed(notices: readonly NoticeRecord[]): Promise<{ claimed: NoticeRecord[]; noConsent: NoticeRecord[] }>
  /** Takes existing notices for another attempt (only if state and attempts are unchanged); returns those taken. */
  claim(notices: readonly NoticeRecord[], leaseUntil: string): Promise<NoticeRecord[]>
  save(outcomes: readonly NoticeRecord[]): Promise<void>
  /** These steps are done; each `next` continues its fan-out (a new event item, so the stream delivers it). */
  finishSteps(steps: readonly { event: OutboxEvent; next?: OutboxEvent }[]): Promise<void>
}

export interface ConsentsRepo {
  addGrant(userId: string, templateKey: TemplateKey): Promise<number>
  /** A long-term template's "允许": grants set to LONG_TERM_GRANTS, not added to. */
  setGrants(userId: string, templateKey: TemplateKey, grants: number): Promise<void>
  grants(userId: string, templateKey: TemplateKey): Promise<number>
  /** Every template the user has ever answered, with the grants left (one Query: a handful of items at most). */
  allGrants(userId: string): Promise<{ templateKey: string; grants: number }[]>
  /** WeChat said 43101 (refused or unsubscribed): the grants we counted are gone. */
  resetGrants(userId: string, templateKey: TemplateKey): Promise<void>
}

/** Delivers one message; throws SendError with WeChat's errcode when it could not. */
export interface Sender {
  send(message: {
    openid: string
    templateId: string
    page: string
    data: Record<string, { value: string }>
    miniprogramState: MiniprogramState
  }): Promise<void>
}

export type MiniprogramState = 'developer' | 'trial' | 'formal'

/** A send that did not go through: WeChat's errcode, or none when WeChat could not be reached. */
export class SendError extends Error {
  constructor(
    readonly errcode: number | undefined,
    message: string,
    /** WeChat did not answer in time: it may have sent the message all the same. */
    readonly outcomeUnknown = false,
  ) {
    super(message)
    this.name = 'SendError'
  }
}
