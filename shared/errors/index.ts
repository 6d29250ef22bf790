import { commonErrors } from './common'
import { familyErrors } from '../families'

/**
 * The one error catalogue, the common ones and every family's (`contract/<family>/errors.ts`, composed in shared/families.ts): every coded error the API can answer, its HTTP status and its zh-CN message.
 * Services throw `DomainError` with a code from here; the HTTP stack is the only place that maps it to a response.
 */
export const errorCatalogue = { ...commonErrors, ...familyErrors } as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof errorCatalogue

export interface FieldError {
  path: string
  message: string
}

/** The wire shape of every error answer (DESIGN.md §7). */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldError[] }
  requestId: string
}

export class DomainError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
    message?: string,
  ) {
    super(message ?? errorCatalogue[code].message)
    this.name = 'DomainError'
    this.status = errorCatalogue[code].status
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError
