/**
 * The written agreement (人民调解协议书) as a PDF, for the parties and the mediator. Made once per version of what it
 * says (its text and confirmations) and stored: the CJK font it embeds is 10 MB, too much to read per request.
 */
import { createHash } from 'node:crypto'
import { chinaDate, chinaTime, DomainError, type FileAnswer } from '@linli/shared'
import { agreementPdf } from '../../adapters/pdf'
import type { Caller } from '../identity/ports'
import type { MediationDeps } from './ports'
import { loadVisible } from './bookings'

/** Far above any agreement's PDF (a few hundred KB with its font subset): a bound on the stored file's read. */
const MAX_PDF_BYTES = 20 * 1024 * 1024

export async function agreementFile(deps: MediationDeps, caller: Caller, bookingId: string): Promise<FileAnswer> {
  const { record: b } = await loadVisible(deps, caller, bookingId)
  const a = b.agreement
  if (!a) throw new DomainError('booking.noAgreement', [{ path: 'id', message: '该预约没有书面调解协议' }])
  const other = b.respondentName ?? b.otherPartyName
  const content = {
    number: a.number,
    title: '人民调解协议书',
    // Names only: the parties' other details stay with each party and the mediator (the file goes to both sides).
    parties: [{ role: '申请人', name: b.requesterName }, ...(other ? [{ role: '被申请人', name: other }] : [])],
    mediator: b.mediatorName,
    room: `${b.roomName}（${b.roomAddress}）`,
    facts: a.facts,
    disputes: a.disputes,
    terms: a.terms,
    performance: a.performance,
    confirmations: a.confirmations.map((c) => ({ name: c.name, at: chinaTime(c.at) })),
    date: `${chinaDate(b.start).replace(/^(\d+)-(\d+)-(\d+)$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`)}`,
  }
  // Named by a hash of what it says: a new confirmation or term is a new file; the same agreement is read back.
  const version = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32)
  const key = `agreements/${b.bookingId}/${version}.pdf`
  let bytes = await deps.storage.read(key, MAX_PDF_BYTES)
  if (!bytes) {
    bytes = await agreementPdf(content, deps.pdfFontPath)
    await deps.storage.write(key, bytes, 'application/pdf')
  }
  return { filename: `调解协议书-${a.number.replace(/[（）\s]/g, '')}.pdf`, bytes }
}
