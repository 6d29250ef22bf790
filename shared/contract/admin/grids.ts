/**
 * The grid tree from files (DESIGN.md §3 "Administration"): a district's admin uploads its grids as GeoJSON — a
 * FeatureCollection of Polygon / MultiPolygon features, each naming its grid (`name`) and the community it lies in
 * (`community`: the community's id or name; `id` optional) — previews what the import adds, changes and retires,
 * then applies it. Every problem is answered feature by feature before anything is written.
 */
import * as z from 'zod'
import { defineRoute, fileAnswer } from '../route'

/** At most this many grids in one file, and this many vertices in one grid. */
export const MAX_IMPORT_GRIDS = 1000
export const MAX_GRID_VERTICES = 2000
/** Two grids of a community may share an edge, not land: an overlap beyond this share of the smaller one is refused. */
export const GRID_OVERLAP_TOLERANCE = 0.01
/** The coordinate systems a file may be in: WGS84 (GPS; GeoJSON's own) unless said, or GCJ-02 (国测局: 高德, 腾讯地图), converted. */
export const coordinateSystems = ['wgs84', 'gcj02'] as const

export const gridsFileKeySchema = z.string().regex(/^uploads\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\.geojson$/, '文件标识不正确')

const importBody = z.strictObject({
  fileKey: gridsFileKeySchema,
  crs: z.enum(coordinateSystems, { error: '坐标系只能是 wgs84 或 gcj02' }).default('wgs84'),
})

export const gridPlanItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  /** What a change changes. */
  changes: z.array(z.enum(['name', 'community', 'boundary'])).optional(),
})
/** What an import does: grids it adds, changes and retires (a community's grids the file no longer has), and how many stay as they are. */
export const gridPlanSchema = z.object({
  adds: z.array(gridPlanItemSchema),
  changes: z.array(gridPlanItemSchema),
  retires: z.array(gridPlanItemSchema),
  unchanged: z.number(),
})

export const adminGridsPreview = defineRoute({
  method: 'POST',
  path: '/v1/admin/grids/preview',
  summary: '预览网格边界导入（GeoJSON）：将新增、修改、撤销哪些网格；文件有问题时逐个要素说明，不写入任何数据',
  action: 'admin.grids',
  body: importBody,
  response: gridPlanSchema,
})

export const adminGridsImport = defineRoute({
  method: 'POST',
  path: '/v1/admin/grids/import',
  summary: '导入网格边界（GeoJSON）：按预览所示新增、修改、撤销网格（撤销的网格保留其历史与事件），逐项记入变更记录',
  action: 'admin.grids',
  body: importBody,
  response: gridPlanSchema,
})

export const adminGridsExport = defineRoute({
  method: 'GET',
  path: '/v1/admin/grids.geojson',
  summary: '导出本区的网格边界为 GeoJSON（WGS84，每个网格一个要素，含所属社区）',
  action: 'admin.grids',
  produces: 'application/geo+json',
  response: fileAnswer,
})
