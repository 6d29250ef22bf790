/**
 * Personal information at rest (DESIGN.md §3 "Privacy"): envelope encryption per field. Each district has one data
 * key (AES-256), stored only wrapped — by KMS in AWS, by a local key on the local stage — and unwrapped once per
 * container; every field is sealed on its own with AES-256-GCM, bound (as additional data) to its district, record
 * and field name, so a sealed value copied onto another record or field does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { recordAction } from './aws-calls'

/** What wraps and unwraps a district's data key: KMS in AWS, a configured key locally. */
export interface KeyWrapper {
  generate(districtId: string): Promise<{ plaintext: Buffer; wrapped: string }>
  unwrap(districtId: string, wrapped: string): Promise<Buffer>
}

/** Where the wrapped data keys live (one item per district). */
export interface DataKeyStore {
  get(districtId: string): Promise<string | undefined>
  /** Stores the district's first key; false when another request stored one first. */
  create(districtId: string, wrapped: string): Promise<boolean>
}

/** Sealed fields: base64 of IV ‖ ciphertext ‖ tag, per field name. */
export type Sealed = Record<string, string>

export interface Pii {
  seal(districtId: string, recordId: string, fields: Record<string, string | undefined>): Promise<Sealed>
  open(districtId: string, recordId: string, sealed: Sealed | undefined): Promise<Record<string, string>>
}

const gcm = (key: Buffer, aad: string) => ({
  seal(plain: string): string {
    const iv = randomBytes(12)
    const c = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad))
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
    return Buffer.concat([iv, body, c.getAuthTag()]).toString('base64')
  },
  open(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64')
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(Buffer.from(aad))
    d.setAuthTag(raw.subarray(raw.length - 16))
    return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8')
  },
})

export function makePii(wrapper: KeyWrapper, store: DataKeyStore): Pii {
  const keys = new Map<string, Promise<Buffer>>()
  const load = async (districtId: string): Promise<Buffer> => {
    const wrapped = await store.get(districtId)
    if (wrapped) return wrapper.unwrap(districtId, wrapped)
    const fresh = await wrapper.generate(districtId)
    if (await store.create(districtId, fresh.wrapped)) return fresh.plaintext
    return wrapper.unwrap(districtId, (await store.get(districtId))!)
  }
  const keyOf = (districtId: string) => {
    let key = keys.get(districtId)
    if (!key) {
      key = load(districtId).catch((err) => {
        keys.delete(districtId)
        throw err
      })
      keys.set(districtId, key)
    }
    return key
  }
  const aad = (districtId: string, recordId: string, field: string) => `${districtId}|${recordId}|${field}`
  return {
    async seal(districtId, recordId, fields) {
      // Sealing may be the district's first use: it needs the right to make a key as well as to open one.
      recordAction('kms:GenerateDataKey', 'kms:Decrypt')
      const key = await keyOf(districtId)
      return Object.fromEntries(Object.entries(fields).flatMap(([f, v]) => (v === undefined ? [] : [[f, gcm(key, aad(districtId, recordId, f)).seal(v)]])))
    },
    async open(districtId, recordId, sealed) {
      if (!sealed || !Object.keys(sealed).length) return {}
      recordAction('kms:Decrypt')
      const key = await keyOf(districtId)
      return Object.fromEntries(Object.entries(sealed).map(([f, v]) => [f, gcm(key, aad(districtId, recordId, f)).open(v)]))
    },
  }
}

/**
 * The local stage's wrapper: the data key sealed under a configured 256-bit key. It records the KMS actions its AWS
 * twin performs, so the IAM check (scripts/check-iam.ts) holds each function to the grants PII needs in AWS.
 */
export function localKeyWrapper(keyHex: string): KeyWrapper {
  const master = Buffer.from(keyHex, 'hex')
  if (master.length !== 32) throw new Error('PII_LOCAL_KEY must be 64 hex characters')
  const wrapOf = (districtId: string) => gcm(master, `datakey|${districtId}`)
  return {
    async generate(districtId) {
      const plaintext = randomBytes(32)
      return { plaintext, wrapped: `local:${wrapOf(districtId).seal(plaintext.toString('base64'))}` }
    },
    async unwrap(districtId, wrapped) {
      if (!wrapped.startsWith('local:')) throw new Error('this data key was not wrapped by the local key')
      return Buffer.from(wrapOf(districtId).open(wrapped.slice('local:'.length)), 'base64')
    },
  }
}

/** AWS: KMS makes and opens the data keys (the client is loaded on first use), bound to the district by context. */
export function kmsKeyWrapper(keyId: string, region: string): KeyWrapper {
  const kms = import('@aws-sdk/client-kms').then((m) => ({ m, client: new m.KMSClient({ region }) }))
  const context = (districtId: string) => ({ purpose: 'linli-pii', districtId })
  return {
    async generate(districtId) {
      const { m, client } = await kms
      const out = await client.send(new m.GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context(districtId) }))
      return { plaintext: Buffer.from(out.Plaintext!), wrapped: `kms:${Buffer.from(out.CiphertextBlob!).toString('base64')}` }
    },
    async unwrap(districtId, wrapped) {
      const { m, client } = await kms
      const out = await client.send(
        new m.DecryptCommand({ KeyId: keyId, CiphertextBlob: Buffer.from(wrapped.slice('kms:'.length), 'base64'), EncryptionContext: context(districtId) }),
      )
      return Buffer.from(out.Plaintext!)
    },
  }
}

/** A phone number as others see it: 138****1000. */
export const maskPhone = (phone: string | undefined) => (phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : undefined)
/** A name as others see it: 张*, 欧阳** . */
export const maskName = (name: string) => (name.length <= 1 ? name : name[0] + '*'.repeat(Math.min(name.length - 1, 2)))
