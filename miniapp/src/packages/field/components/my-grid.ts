/**
 * The grid the caller works in, with its boundary: read from the API and kept on the phone, so check-ins can be
 * taken (and shown inside or outside) without a network.
 */
import Taro from '@tarojs/taro'
import { getGrid, type GridNode } from '@linli/shared'
import { call } from '../../../api/request'
import type { Session } from '../../../api/session'

/** The grids the caller checks in and keeps the roster of (gridworker, grid leader). */
export const fieldGrids = (session: Session | undefined) => (session?.user.roles ?? []).filter((b) => b.role === 'gridworker' || b.role === 'grid_leader')

export async function loadGrid(id: string): Promise<GridNode> {
  const key = `linli.grid.${id}`
  try {
    const grid = await call(getGrid, { params: { id } })
    Taro.setStorageSync(key, grid)
    return grid
  } catch (e) {
    const kept = Taro.getStorageSync(key) as GridNode | ''
    if (kept && typeof kept === 'object') return kept
    throw e
  }
}
