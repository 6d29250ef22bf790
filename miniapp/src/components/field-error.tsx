import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { fieldErrors, type FieldError as Issue } from '@linli/shared'
import type * as z from 'zod'
import { ApiError } from '../api/request'
// NutUI's styles first, so every page orders them before ours (mini-css-extract-plugin's conflicting order).
import './nutui'
import './field-error.scss'

/** Field → first message. `_form` holds what belongs to no shown field. */
export type Errors = Record<string, string>

/**
 * Folds `{path, message}` issues (a 4xx answer's ApiError.fields, or a local zod check with the same paths) onto
 * the form's fields: `field(path)` names the field a path belongs to, or undefined for none shown.
 */
export function toErrors(issues: Issue[], field: (path: string) => string | undefined): Errors {
  const errors: Errors = {}
  for (const issue of issues) {
    const name = field(issue.path) ?? '_form'
    errors[name] ??= issue.message
  }
  return errors
}

export const zodErrors = (error: z.ZodError, field: (path: string) => string | undefined) => toErrors(fieldErrors(error), field)

/** An API error as form errors: its fields when it has any, else its message on the form. */
export function apiErrors(e: unknown, field: (path: string) => string | undefined): Errors {
  if (e instanceof ApiError && e.fields.length) return toErrors(e.fields, field)
  return { _form: (e as Error).message || '提交失败，请重试' }
}

/** A field with its label always shown (not a placeholder alone), its control, and its error beneath in words. */
export function Field({ label, name, error, children }: { label: string; name: string; error?: string; children: ReactNode }) {
  return (
    <View className={`field field--${name}`}>
      <Text className='field__label'>{label}</Text>
      <View className='field__control'>{children}</View>
      <FieldError name={name} message={error} />
    </View>
  )
}

/** The message under a field, in red; nothing when there is none. */
export function FieldError({ message, name }: { message?: string; name?: string }) {
  if (!message) return null
  return <Text className={`field-error${name ? ` field-error--${name}` : ''}`}>{message}</Text>
}
