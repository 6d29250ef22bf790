import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'

/** One page of a list route (every list of the contract answers `{ items, nextCursor }`). */
export interface Page<T> {
  items: T[]
  nextCursor?: string
}

export interface PagedList<T> {
  items: T[]
  /** The first page is on its way (nothing to show yet). */
  loading: boolean
  /** The first page failed, in words. */
  error: string
  /** A further page is on its way. */
  more: boolean
  /** Another page can be asked for; false once the list has ended. */
  hasMore: boolean
  /** The first page again; `quiet` keeps the rows on screen meanwhile (pull to refresh, back to the page). */
  reload: (quiet?: boolean) => Promise<void>
  loadMore: () => Promise<void>
}

/**
 * The one way a page lists a route page by page: the first page when `deps` change, the next at the bottom (or by
 * the footer's button), pull to refresh, quietly again when the user comes back. An answer to an older question (a
 * tab switched meanwhile) is dropped, rows already shown are not added twice, and the end of the list is known.
 * `fetchPage` may change every render: the latest one asks. Nothing is asked while `enabled` is false (signed out).
 */
export function usePagedList<T>(
  fetchPage: (cursor?: string) => Promise<Page<T>>,
  deps: readonly unknown[],
  opts: { enabled?: boolean; keyOf?: (item: T) => string } = {},
): PagedList<T> {
  const { enabled = true, keyOf = (item: T) => (item as { id: string }).id } = opts
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string>()
  const [loading, setLoading] = useState(true)
  const [more, setMore] = useState(false)
  const [error, setError] = useState('')
  const generation = useRef(0)
  const asking = useRef<string>()
  const shown = useRef(false)
  const fetchLatest = useRef(fetchPage)
  fetchLatest.current = fetchPage

  const reload = async (quiet = false) => {
    const gen = ++generation.current
    asking.current = undefined
    if (!quiet) setLoading(true)
    setError('')
    try {
      const page = await fetchLatest.current()
      if (gen !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
    } catch (e) {
      if (gen === generation.current) setError((e as Error).message)
    } finally {
      if (gen === generation.current) setLoading(false)
    }
  }

  const loadMore = async () => {
    if (!cursor || loading || asking.current === cursor) return
    const gen = generation.current
    asking.current = cursor
    setMore(true)
    try {
      const page = await fetchLatest.current(cursor)
      if (gen !== generation.current) return
      setItems((shown) => {
        const seen = new Set(shown.map(keyOf))
        return [...shown, ...page.items.filter((i) => !seen.has(keyOf(i)))]
      })
      setCursor(page.nextCursor)
    } catch (e) {
      if (gen === generation.current) void Taro.showToast({ title: (e as Error).message, icon: 'none' })
    } finally {
      if (gen === generation.current) {
        asking.current = undefined
        setMore(false)
      }
    }
  }

  useEffect(() => {
    if (enabled) void reload()
  }, [enabled, ...deps])
  useDidShow(() => {
    if (shown.current && enabled) void reload(true)
    shown.current = true
  })
  usePullDownRefresh(() => void (enabled ? reload(true) : Promise.resolve()).finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void loadMore())

  return { items, loading, error, more, hasMore: Boolean(cursor), reload, loadMore }
}
