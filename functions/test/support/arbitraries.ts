/**
 * Inputs generated from the contract's zod schemas (through their JSON Schema, `z.toJSONSchema`), for fast-check:
 * `plausible` follows the schema (types, patterns, bounds, unions), `hostile` bends it (a field of the wrong kind, a
 * required field gone, an unknown field, any JSON at all).
 */
import fc, { type Arbitrary } from 'fast-check'
import * as z from 'zod'

interface JsonSchema {
  type?: string
  const?: unknown
  enum?: unknown[]
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  oneOf?: JsonSchema[]
  anyOf?: JsonSchema[]
  allOf?: JsonSchema[]
}

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('楼道里的灯坏了', '  ', '<script>', '😀'.repeat(3)))

function fromJsonSchema(s: JsonSchema): Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const union = s.oneOf ?? s.anyOf
  if (union) return fc.oneof(...union.map(fromJsonSchema))
  if (s.allOf?.length) return fromJsonSchema(s.allOf[0]!)
  switch (s.type) {
    case 'object': {
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromJsonSchema(v)]))
      return fc.record(props, { requiredKeys: s.required ?? [] })
    }
    case 'array':
      return fc.array(s.items ? fromJsonSchema(s.items) : fc.jsonValue(), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) })
    case 'string':
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern))
      return fc.oneof(text, fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) }))
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1e6, -1e9), max: Math.min(s.maximum ?? 1e6, 1e9) })
    case 'number':
      return fc.double({ min: s.minimum ?? s.exclusiveMinimum ?? -1e6, max: s.maximum ?? s.exclusiveMaximum ?? 1e6, noNaN: true })
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    default:
      return fc.jsonValue()
  }
}

/** What the schema accepts, or nearly: values drawn from its shape. */
export const plausible = (schema: z.ZodType): Arbitrary<unknown> =>
  fromJsonSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema)

/** A plausible object bent one way: a field of the wrong kind, a field gone, a field the contract does not know. */
const bent = (value: unknown): Arbitrary<unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fc.jsonValue()
  const keys = Object.keys(value)
  const wrongKind = keys.length ? fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([k, v]) => ({ ...value, [k]: v })) : fc.jsonValue()
  const gone = keys.length ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== k))) : fc.constant({})
  const unknown = fc.tuple(fc.constantFrom('openid', 'role', 'districtId', '__proto__', 'x'), fc.jsonValue()).map(([k, v]) => ({ ...value, [k]: v }))
  return fc.oneof(wrongKind, gone, unknown)
}

/** Mostly near the contract (so the request goes deep), sometimes anything at all. */
export const hostile = (schema: z.ZodType): Arbitrary<unknown> => {
  const p = plausible(schema)
  return fc.oneof({ weight: 3, arbitrary: p }, { weight: 3, arbitrary: p.chain(bent) }, { weight: 1, arbitrary: fc.jsonValue() })
}
