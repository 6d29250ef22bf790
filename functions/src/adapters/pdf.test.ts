import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { agreementPdf } from './pdf'

const text = (bytes: Uint8Array) => {
  const file = join(mkdtempSync(join(tmpdir(), 'linli-pdf-')), 'a.pdf')
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

test('an agreement PDF embeds the CJK font: rare name characters are drawn and extractable', async () => {
  const bytes = await agreementPdf({
    number: '（2026）人调字第 3F9A2C1B 号',
    title: '人民调解协议书',
    parties: [
      { role: '申请人', name: '王小梅' },
      { role: '被申请人', name: '龘靐齉' },
    ],
    mediator: '孙梅',
    room: '青石街道说事室',
    facts: '装修噪音',
    disputes: '施工时间',
    terms: '工作日施工',
    performance: { manner: '自行履行', place: '柳岸3栋', deadline: '2026-12-20' },
    confirmations: [],
    date: '2026年12月8日',
  })
  expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-')
  // A subset of the font, not the 10 MB file.
  expect(bytes.length).toBeLessThan(200_000)
  const words = text(bytes)
  for (const w of ['人民调解协议书', '被申请人：龘靐齉', '履行期限：2026-12-20', '（尚无当事人确认）']) expect(words).toContain(w)
})
