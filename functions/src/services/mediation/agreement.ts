/** The written agreement (人民调解协议书) as a PDF, for the parties and the mediator. */
import { chinaDate, chinaTime, DomainError, type FileAnswer } from '@linli/shared'
import { agreementPdf } from '../../adapters/pdf'
import type { Caller } from '../identity/ports'
import type { MediationDeps } from './ports'
import { loadVisible } from './bookings'

export async function agreementFile(deps: MediationDeps, caller: Caller, bookingId: string): Promise<FileAnswer> {
  const { record: b } = await loadVisible(deps, caller, bookingId)
  const a = b.agreement
  if (!a) throw new DomainError('booking.noAgreement', [{ path: 'id', message: '该预约没有书面调解协议' }])
  const other = b.respondentName ?? b.otherPartyName
  const bytes = await agreementPdf(
    {
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
    },
    deps.pdfFontPath,
  )
  return { filename: `调解协议书-${a.number.replace(/[（）\s]/g, '')}.pdf`, bytes }
}
