import { randomBytes } from 'node:crypto'
import { localKeyWrapper, makePii, maskName, maskPhone, type DataKeyStore } from './pii'

/** The wrapped keys in memory, counting writes (the table's conditional put, as the store does it). */
function memoryStore(): DataKeyStore & { writes: number; items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    writes: 0,
    async get(d) {
      return items.get(d)
    },
    async create(d, wrapped) {
      this.writes++
      if (items.has(d)) return false
      items.set(d, wrapped)
      return true
    },
  }
}

const localKey = randomBytes(32).toString('hex')

describe('PII envelope encryption', () => {
  it('seals each field apart and opens it again, and the stored form reveals nothing', async () => {
    const pii = makePii(localKeyWrapper(localKey), memoryStore())
    const sealed = await pii.seal('linjiang', 'hh1', { phone: '13800001234', careTags: 'elderly_alone,disabled', notes: undefined })
    expect(Object.keys(sealed).sort()).toEqual(['careTags', 'phone'])
    expect(JSON.stringify(sealed)).not.toMatch(/1380000|elderly/)
    expect(await pii.open('linjiang', 'hh1', sealed)).toEqual({ phone: '13800001234', careTags: 'elderly_alone,disabled' })
    // Sealing twice gives different bytes (a fresh IV each time).
    expect((await pii.seal('linjiang', 'hh1', { phone: '13800001234' })).phone).not.toBe(sealed.phone)
  })

  it('does not open a value moved to another record, field or district, nor a tampered one', async () => {
    const pii = makePii(localKeyWrapper(localKey), memoryStore())
    const { phone } = await pii.seal('linjiang', 'hh1', { phone: '13800001234' })
    await expect(pii.open('linjiang', 'hh2', { phone: phone! })).rejects.toThrow()
    await expect(pii.open('linjiang', 'hh1', { notes: phone! })).rejects.toThrow()
    await expect(pii.open('linxi', 'hh1', { phone: phone! })).rejects.toThrow()
    const raw = Buffer.from(phone!, 'base64')
    raw[14] = raw[14]! ^ 1
    await expect(pii.open('linjiang', 'hh1', { phone: raw.toString('base64') })).rejects.toThrow()
  })

  it('makes one data key per district even when requests race, and another container opens with it', async () => {
    const store = memoryStore()
    const a = makePii(localKeyWrapper(localKey), store)
    const b = makePii(localKeyWrapper(localKey), store)
    const [x, y] = await Promise.all([a.seal('linjiang', 'r', { phone: '1' }), b.seal('linjiang', 'r', { phone: '2' })])
    expect(store.items.size).toBe(1)
    const fresh = makePii(localKeyWrapper(localKey), store)
    expect(await fresh.open('linjiang', 'r', x)).toEqual({ phone: '1' })
    expect(await fresh.open('linjiang', 'r', y)).toEqual({ phone: '2' })
    expect(store.items.get('linjiang')).toMatch(/^local:/)
  })

  it('cannot open the data keys without the key that wrapped them', async () => {
    const store = memoryStore()
    const sealed = await makePii(localKeyWrapper(localKey), store).seal('linjiang', 'r', { phone: '13800001234' })
    await expect(makePii(localKeyWrapper(randomBytes(32).toString('hex')), store).open('linjiang', 'r', sealed)).rejects.toThrow()
  })

  it('masks phones and names', () => {
    expect(maskPhone('13800001234')).toBe('138****1234')
    expect(maskName('张')).toBe('张')
    expect(maskName('李建国')).toBe('李**')
    expect(maskName('欧阳娜娜')).toBe('欧**')
  })
})
