import { DomainError, type Notice } from '@linli/shared'
import type { Caller } from '../model'
import { isStaffOf } from './case-access'
import { loadVisible } from './case-read'
import type { Deps } from './deps'

/** Delivery state of a case's notices, for the staff handling it (the reporter sees the case, not the plumbing). */
export async function caseNotices(deps: Deps, caller: Caller, caseId: string): Promise<{ items: Notice[] }> {
  const { record, notices } = await loadVisible(deps, caller, caseId)
  if (!isStaffOf(caller, record)) throw new DomainError('auth.forbidden', [{ path: 'id', message: '只有处理该事件的工作人员可以查看通知记录' }])
  return {
    items: notices
      .sort((a, b) => a.noticeId.localeCompare(b.noticeId))
      .map((n) => ({ id: n.noticeId, recipientName: n.recipientName, templateKey: n.templateKey, event: n.event, state: n.state, attempts: n.attempts, lastErrcode: n.lastErrcode, lastError: n.lastError, createdAt: n.createdAt, sentAt: n.sentAt })),
  }
}
