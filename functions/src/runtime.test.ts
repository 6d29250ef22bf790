import { once } from './runtime'

describe('the container’s dependencies', () => {
  it('are built once and shared by concurrent requests', async () => {
    const build = jest.fn(async () => ({ built: true }))
    const get = once(build)
    const [a, b] = await Promise.all([get(), get()])
    expect(a).toBe(b)
    expect(await get()).toBe(a)
    expect(build).toHaveBeenCalledTimes(1)
  })

  it('do not poison the container when the build fails (SSM throttled): the next request builds again', async () => {
    const build = jest
      .fn()
      .mockRejectedValueOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .mockResolvedValue({ built: true })
    const get = once(build)
    await expect(get()).rejects.toMatchObject({ name: 'ThrottlingException' })
    await expect(get()).resolves.toEqual({ built: true })
    expect(build).toHaveBeenCalledTimes(2)
  })
})
