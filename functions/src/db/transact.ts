/** How a DynamoDB write failed, read from the SDK's error (names and cancellation reasons are the SDK's). */
export const isCanceled = (err: unknown) => (err as Error).name === 'TransactionCanceledException'
export const isConditionFailed = (err: unknown) => (err as Error).name === 'ConditionalCheckFailedException'

/** Per item of a cancelled transaction: 'ConditionalCheckFailed', 'TransactionConflict', 'None' … */
export const cancelReasons = (err: unknown): string[] =>
  ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? 'None')

export const chunks = <T>(xs: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size))

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
      await new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** attempt))
    }
  }
}
