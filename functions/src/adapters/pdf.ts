/**
 * The people's mediation agreement (人民调解协议书) as a PDF, with pdfkit and an embedded CJK font (Noto Sans SC,
 * subset by pdfkit to the characters used, so rare name characters render and the text stays extractable). The font
 * is a file: on AWS a layer's (PDF_FONT_PATH), locally the npm package's.
 */
import { readFileSync } from 'node:fs'
import type PDFKit from 'pdfkit'

// Required, not imported: a bundler then takes pdfkit's CommonJS build, whose module paths survive bundling (its ES
// build reads `import.meta.url`, which a CommonJS bundle lacks). Required when the first PDF is made, not with the
// function: pdfkit and fontkit are half of the agreement function's load time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfkit = (): typeof PDFKit => require('pdfkit')

export interface AgreementDoc {
  number: string
  title: string
  parties: { role: string; name: string }[]
  mediator: string
  room: string
  facts: string
  disputes: string
  terms: string
  performance: { manner: string; place: string; deadline: string }
  confirmations: { name: string; at: string }[]
  date: string
}

const LOCAL_FONT = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'

export const defaultFontPath = () => require.resolve(LOCAL_FONT)

/** The font's bytes, read once per container (10 MB: not from disk on every request). */
const fonts = new Map<string, Buffer>()
const fontBytes = (path: string) => fonts.get(path) ?? fonts.set(path, readFileSync(path)).get(path)!

export function agreementPdf(doc: AgreementDoc, fontPath: string = defaultFontPath()): Promise<Uint8Array> {
  // The font given at creation: pdfkit then never loads its standard fonts (which a bundle cannot find).
  const PDFDocument = pdfkit()
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 64, // pdfkit takes the font's bytes as well as its path (its typings name only a path).
    font: fontBytes(fontPath) as unknown as string,
    info: { Title: doc.title, Subject: doc.number, Creator: 'Linli 邻里' },
  })
  const chunks: Buffer[] = []
  pdf.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
  const heading = (text: string) => pdf.moveDown(0.6).fontSize(13).text(text).moveDown(0.2).fontSize(11)
  pdf.fontSize(20).text(doc.title, { align: 'center' }).moveDown(0.3)
  pdf.fontSize(11).text(doc.number, { align: 'right' }).moveDown(0.5)
  for (const p of doc.parties) pdf.text(`${p.role}：${p.name}`)
  pdf.text(`调解员：${doc.mediator}`).text(`调解地点：${doc.room}`)
  heading('一、纠纷的主要事实').text(doc.facts)
  heading('二、争议事项及各方责任').text(doc.disputes)
  heading('三、经调解，双方自愿达成如下协议').text(doc.terms)
  heading('四、履行方式、地点和期限')
    .text(`履行方式：${doc.performance.manner}`)
    .text(`履行地点：${doc.performance.place}`)
    .text(`履行期限：${doc.performance.deadline} 前`)
  heading('五、效力').text(
    '本协议经双方当事人确认、调解员签名并加盖人民调解委员会印章后生效，具有法律约束力，当事人应当按照约定履行。双方可自协议生效之日起三十日内共同向人民法院申请司法确认。本协议一式三份，双方当事人各执一份，人民调解委员会留存一份。',
  )
  heading('当事人确认')
  if (doc.confirmations.length) for (const c of doc.confirmations) pdf.text(`${c.name}\u3000已于 ${c.at} 在线确认`)
  else pdf.text('（尚无当事人确认）')
  pdf.moveDown(1.5).text(`调解员（签名）：${doc.mediator}`).text('人民调解委员会（盖章）').text(doc.date, { align: 'right' })
  pdf.end()
  return done
}
