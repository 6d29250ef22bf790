import * as z from 'zod'
import { zhCN } from 'zod/locales'
import { DomainError, type FieldError } from './errors'

// Every zod message without a field-specific text of ours falls back to zod's own Simplified Chinese (that locale
// alone: `z.locales` would bring all of them, 260 KB of every function's bundle).
z.config(zhCN())

const joinPath = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : 'body')

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: joinPath([...issue.path, key || '""']), message: `不支持的字段：${key || '（空字段名）'}` }))
      : [{ path: joinPath(issue.path), message: issue.message }],
  )
}

/** Parses `value` or throws `request.invalid` naming every offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw new DomainError('request.invalid', fieldErrors(result.error))
  return result.data
}
