/**
 * GeoReport v2's XML (fast-xml-parser's builder): the JSON answer under its root element, a list's entries as one
 * `item` element each, and nested lists (a definition's attributes and their values, discovery's endpoints and
 * formats) as their singular names — the spec's examples' shape.
 */
import { XMLBuilder } from 'fast-xml-parser'

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true })

/** The element each of a nested list's entries is written as. */
const singular: Record<string, string> = { attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format', errors: 'error' }

function shaped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shaped)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? { [singular[k] ?? 'item']: v.map(shaped) } : shaped(v)]])),
  )
}

export function open311Xml(root: string, item: string | undefined, answer: unknown): string {
  const body = item ? { [item]: (answer as unknown[]).map(shaped) } : shaped(answer)
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: body }) as string}`
}
