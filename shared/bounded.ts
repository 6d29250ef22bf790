/** Work on many things, a bounded number at a time: a big batch overlaps its round trips without flooding them. */

/** `xs` in consecutive pieces of at most `size`. */
export const chunks = <T>(xs: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size))

/** Promise.allSettled of `work` over `items`, at most `width` running at once; the results in the items' order. */
export async function settledAtMost<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = []
  let next = 0
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++)
      results[i] = await work(items[i]!).then(
        (value): PromiseFulfilledResult<R> => ({ status: 'fulfilled', value }),
        (reason: unknown): PromiseRejectedResult => ({ status: 'rejected', reason }),
      )
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
  return results
}

/** `work` on each item, at most `width` at once; rejects with the first failure once all have ended. */
export async function eachAtMost<T>(items: readonly T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  const failed = (await settledAtMost(items, width, work)).find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
}
