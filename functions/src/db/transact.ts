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
