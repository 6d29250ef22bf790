import { DomainError, type Notice } from '@linli/shared'
import type { Caller } from '../identity/ports'
import type { CasesDeps } from './ports'
import { isStaffOf } from './access'
import { loadVisible } from './read'

const PAGE = 100

/** Delivery state of a case's notices, for the staff handling it (the reporter sees the case, not the plumbing). */
export async function caseNotices(deps: CasesDeps, caller: Caller, caseId: string): Promise<{ items: Notice[] }> {
  const { record } = await loadVisible(deps, caller, caseId)
  if (!isStaffOf(caller, record)) throw new DomainError('auth.forbidden', [{ path: 'id', message: '只有处理该事件的工作人员可以查看通知记录' }])
  const notices = await deps.repos.outbox.notices(record.districtId, { kind: 'case', id: record.caseId }, PAGE)
  return {
    items: notices.map((n) => ({
      id: n.noticeId,
      // An anonymous reporter stays anonymous to staff here too.
      recipientName: record.anonymous && n.recipientId === record.reporterId ? '匿名居民' : n.recipientName,
      templateKey: n.templateKey,
      event: n.event,
      state: n.state === 'handed' ? 'sending' : n.state,
      attempts: n.attempts,
      lastErrcode: n.lastErrcode,
      lastError: n.lastError,
      createdAt: n.createdAt,
      sentAt: n.sentAt,
    })),
  }
}
