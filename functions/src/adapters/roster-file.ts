/**
 * Household rosters as spreadsheets: read from Excel (.xlsx, exceljs) or CSV (csv-parse), written to Excel. A sheet's
 * first row names its columns (楼栋, 门牌号 …); each later row is one household, numbered as the spreadsheet shows it.
 */
import { parse } from 'csv-parse/sync'
import { Unzip, UnzipInflate } from 'fflate'

/**
 * exceljs is loaded when a sheet is read or written, not with the function: on AWS it comes from the stack's
 * spreadsheet layer (infra/serverless/layers.cjs), outside the functions' zips.
 */
const excel = async () => (await import('exceljs')).default

export interface SheetRow {
  /** The row's number in the sheet (the header is row 1). */
  row: number
  cells: Record<string, string>
}

/**
 * What an .xlsx may unpack to before it is parsed: a sheet of the most households one import takes is well under a
 * megabyte of XML; a file that inflates past this (a zip bomb) is refused without being parsed.
 */
export const MAX_UNPACKED_BYTES = 32 * 1024 * 1024

export class SheetTooLarge extends Error {}

/** Inflates every entry of a zip, counting, and stops at the bound: what the entries claim is not trusted. */
function checkUnpacked(bytes: Uint8Array, max: number) {
  let total = 0
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (err) throw err
      total += chunk.length
      if (total > max) {
        file.terminate()
        throw new SheetTooLarge(`unpacks to more than ${max} bytes`)
      }
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  unzip.push(bytes, true)
}

export async function readSheet(bytes: Uint8Array, kind: 'csv' | 'xlsx'): Promise<SheetRow[]> {
  if (kind === 'csv') {
    const records = parse(csvText(bytes), {
      columns: (h: string[]) => h.map((c) => c.trim()),
      skip_empty_lines: true,
      bom: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[]
    return records.map(({ record, info }) => ({ row: info.lines, cells: record }))
  }
  checkUnpacked(bytes, MAX_UNPACKED_BYTES)
  const book = new (await excel()).Workbook()
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  if (!sheet) return []
  const header = new Map<number, string>()
  sheet.getRow(1).eachCell((cell, col) => header.set(col, cell.text.trim()))
  const rows: SheetRow[] = []
  sheet.eachRow((r, n) => {
    if (n === 1) return
    const cells: Record<string, string> = {}
    r.eachCell({ includeEmpty: false }, (cell, col) => {
      const name = header.get(col)
      if (name) cells[name] = cell.text.trim()
    })
    if (Object.values(cells).some(Boolean)) rows.push({ row: n, cells })
  })
  return rows
}

/**
 * A CSV's text: UTF-8 (with or without a BOM), or else GB18030 — the superset of GBK, which Excel on a Chinese Windows
 * writes when a sheet is saved as CSV. Bytes that are neither are read as GB18030 too, and their columns then fail to
 * match by name, which the import reports.
 */
function csvText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** One sheet named `title`: a header row of `columns`, then the rows, columns sized to fit. */
export async function writeSheet(title: string, columns: readonly string[], rows: Record<string, string | number>[]): Promise<Uint8Array> {
  const book = new (await excel()).Workbook()
  const sheet = book.addWorksheet(title)
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(10, c.length * 2 + 4) }))
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) sheet.addRow(r)
  return new Uint8Array(await book.xlsx.writeBuffer())
}
