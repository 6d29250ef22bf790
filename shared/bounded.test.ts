import { chunks, eachAtMost, settledAtMost } from './bounded'

describe('bounded work', () => {
  it('runs at most `width` at once, every item once, the results in order', async () => {
    let running = 0
    let most = 0
    const results = await settledAtMost([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      most = Math.max(most, ++running)
      for (let k = 0; k < n; k++) await Promise.resolve() // a pause of n turns: the items end out of order
      running--
      if (n === 4) throw new Error('four')
      return n * 10
    })
    expect(most).toBe(3)
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([50, 10, 'four', 20, 30, 0, 60])
  })

  it('lets every item run before it rejects with the first failure', async () => {
    const done: number[] = []
    await expect(
      eachAtMost([1, 2, 3], 1, async (n) => {
        if (n === 1) throw new Error('one')
        done.push(n)
      }),
    ).rejects.toThrow('one')
    expect(done).toEqual([2, 3])
  })

  it('cuts a list into pieces of at most the size', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunks([], 25)).toEqual([])
  })
})
