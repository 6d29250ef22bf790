/** Levels of the grid tree, top to bottom. A node's parent is always exactly one level up. */
export const gridLevels = ['district', 'street', 'community', 'grid', 'building'] as const
export type GridLevel = (typeof gridLevels)[number]

export const gridLevelLabels: Record<GridLevel, string> = {
  district: '区/县',
  street: '街道/乡镇',
  community: '社区/村',
  grid: '网格',
  building: '楼栋',
}

export const parentLevel = (level: GridLevel): GridLevel | undefined => gridLevels[gridLevels.indexOf(level) - 1]
