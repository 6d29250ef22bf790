import { zipSync } from 'fflate'
import { MAX_UNPACKED_BYTES, readSheet, SheetTooLarge, writeSheet } from './roster-file'

describe('roster spreadsheets', () => {
  it('writes an Excel sheet and reads it back, row numbers as the sheet shows them', async () => {
    const bytes = await writeSheet(
      '住户台账',
      ['楼栋', '门牌号', '户主姓名', '人口数'],
      [
        { 楼栋: '3', 门牌号: '301', 户主姓名: '王秀兰', 人口数: 1 },
        { 楼栋: '4', 门牌号: '102', 户主姓名: '韩永福', 人口数: 2 },
      ],
    )
    expect(Buffer.from(bytes.slice(0, 2)).toString()).toBe('PK') // a zip, as .xlsx files are
    expect(await readSheet(bytes, 'xlsx')).toEqual([
      { row: 2, cells: { 楼栋: '3', 门牌号: '301', 户主姓名: '王秀兰', 人口数: '1' } },
      { row: 3, cells: { 楼栋: '4', 门牌号: '102', 户主姓名: '韩永福', 人口数: '2' } },
    ])
  })

  it('refuses a sheet that inflates past the bound (a zip bomb) before exceljs parses it', async () => {
    // 40 MB of one repeated row compresses to well under the 2 MB an import may upload.
    const row = '<row><c t="inlineStr"><is><t>3</t></is></c></row>'
    const xml = new TextEncoder().encode(row.repeat(Math.ceil((40 * 1024 * 1024) / row.length)))
    const bomb = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/worksheets/sheet1.xml': xml }, { level: 9 })
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    expect(xml.length).toBeGreaterThan(MAX_UNPACKED_BYTES)
    await expect(readSheet(bomb, 'xlsx')).rejects.toBeInstanceOf(SheetTooLarge)
  })

  it('reads CSV with a BOM, quoted commas and blank lines', async () => {
    const csv = '\uFEFF楼栋,门牌号,备注\n3,301,"独居,女儿在外地"\n\n4,102,\n'
    expect(await readSheet(Buffer.from(csv), 'csv')).toEqual([
      { row: 2, cells: { 楼栋: '3', 门牌号: '301', 备注: '独居,女儿在外地' } },
      { row: 4, cells: { 楼栋: '4', 门牌号: '102', 备注: '' } },
    ])
  })

  it('reads a CSV that Excel saved in GBK (the default on a Chinese Windows)', async () => {
    const gbk = Buffer.from('c2a5b6b02cc3c5c5c6bac52cbba7d6f7d0d5c3fb0a332c3330312ccdf5d0e3c0bc0a', 'hex') // 楼栋,门牌号,户主姓名 / 3,301,王秀兰
    expect(await readSheet(gbk, 'csv')).toEqual([{ row: 2, cells: { 楼栋: '3', 门牌号: '301', 户主姓名: '王秀兰' } }])
  })
})
