import { keywordValue, templateData, templatePage } from './templates'

describe('subscribe-message values follow WeChat’s rules (no 47003)', () => {
  it('cuts thing to 20 characters by code points, not UTF-16 units', () => {
    const rare = '𠀀'.repeat(25) // each is two UTF-16 units
    const v = keywordValue('thing', rare)
    expect(Array.from(v)).toHaveLength(20)
    expect(v.endsWith('…')).toBe(true)
  })
  it('removes newlines and emoji', () => {
    expect(keywordValue('thing', '水管\n爆了😡🔥\r\n快来')).toBe('水管 爆了 快来')
  })
  it('never sends an empty value', () => {
    expect(keywordValue('thing', '')).toBe('无')
    expect(keywordValue('thing', '🙂\n')).toBe('无')
    expect(keywordValue('phrase', 'abc')).toBe('无')
  })
  it('keeps phrase to 5 Chinese characters and character_string to ASCII', () => {
    expect(keywordValue('phrase', '已办结待评价了')).toBe('已办结待评')
    expect(keywordValue('character_string', 'LJ202612010001号')).toBe('LJ202612010001')
  })
  it('builds data with configured keyword names and fills missing fields', () => {
    const data = templateData('case_dispatch', { number: 'LJ1', category: '停水' }, { place: 'thing9' })
    expect(data).toEqual({ character_string1: { value: 'LJ1' }, thing2: { value: '停水' }, thing9: { value: '无' }, time4: { value: '无' } })
  })
  it('fills the page of the subject', () => {
    expect(templatePage('case_accepted', 'abc')).toBe('packages/case/detail/index?id=abc')
  })
})
