import { execute, type ExecuteTransactWriteInput, type ExecuteTransactWriteOptions } from 'dynamodb-toolbox/entity/actions/transactWrite'

/** How a DynamoDB write failed, read from the SDK's error (names and cancellation reasons are the SDK's). */
export const isCanceled = (err: unknown) => (err as Error).name === 'TransactionCanceledException'
export const isConditionFailed = (err: unknown) => (err as Error).name === 'ConditionalCheckFailedException'

/** Per item of a cancelled transaction: 'ConditionalCheckFailed', 'TransactionConflict', 'None' … */
export const cancelReasons = (err: unknown): string[] =>
  ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? 'None')

/** Runs a conditional write; a failed condition is an expected answer (false), anything else is thrown. */
export async function conditional(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write()
    return true
  } catch (err) {
    if (isConditionFailed(err)) return false
    throw err
  }
}

/** Runs a transaction; one a condition cancelled is an expected answer (false), anything else is thrown. */
export async function committed(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write()
    return true
  } catch (err) {
    if (isCanceled(err)) return false
    throw err
  }
}

/**
 * Runs a transaction that may meet others on the same items (readers of one notice): a conflict is tried again after
 * a random pause growing with each attempt; a failed condition is an expected answer (false).
 */
export async function committedDespiteConflicts(write: () => Promise<unknown>, attempts = 8): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write()
      return true
    } catch (err) {
      if (!isCanceled(err)) throw err
      const reasons = cancelReasons(err)
      if (reasons.includes('ConditionalCheckFailed')) return false
      if (!reasons.includes('TransactionConflict') || attempt >= attempts) throw err
      await backoff(attempt)
    }
  }
}

/** One item of a transaction: an entity's transactPut / transactUpdate / transactDelete / conditionCheck. */
export type WriteItem = Exclude<ExecuteTransactWriteInput[number], ExecuteTransactWriteOptions>
/** A transaction's items by name, in order; an entry may be absent (a write this case does not need) or several items. */
export type NamedItems<N extends string> = Record<N, WriteItem | readonly WriteItem[] | false | undefined>

/** How a named transaction ended: written, or cancelled with the names of the items whose condition failed. */
export type Written<N extends string> = { ok: true } | { ok: false; failed: N[]; conflict: boolean }

/**
 * Runs a transaction of named items and reads a cancellation by name, not by position: which items' conditions
 * failed, and whether another writer met it on the same items (TransactionConflict). Anything else is thrown.
 */
export async function transactNamed<N extends string>(items: NamedItems<N>): Promise<Written<N>> {
  const names: N[] = []
  const writes: WriteItem[] = []
  for (const [name, entry] of Object.entries(items) as [N, NamedItems<N>[N]][]) {
    for (const write of entry ? ([] as WriteItem[]).concat(entry as WriteItem | WriteItem[]) : []) {
      names.push(name)
      writes.push(write)
    }
  }
  try {
    await execute(...writes)
    return { ok: true }
  } catch (err) {
    if (!isCanceled(err)) throw err
    const reasons = cancelReasons(err)
    const failed = [...new Set(names.filter((_, i) => reasons[i] === 'ConditionalCheckFailed'))]
    const conflict = reasons.includes('TransactionConflict')
    if (!failed.length && !conflict) throw err
    return { ok: false, failed, conflict }
  }
}

/** A pause before trying a transaction again that another writer met: random, growing with each attempt. */
export const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** attempt))
