import * as z from 'zod'
import { defineRoute } from '../route'
import { idParams, pointQuery } from '../common'
import { gridLevels } from '../../domain/grid'

const level = z.enum(gridLevels)

export const rosterPersonSchema = z.object({ name: z.string(), phone: z.string(), duties: z.string() })

/** 网格公示: who serves this grid and how to reach them. */
export const rosterCardSchema = z.object({
  gridworker: rosterPersonSchema.optional(),
  gridLeader: rosterPersonSchema.optional(),
  households: z.number().int().optional(),
  serviceHours: z.string().optional(),
})

export interface TreeNode {
  id: string
  name: string
  level: z.infer<typeof level>
  children: TreeNode[]
}
export const treeNodeSchema: z.ZodType<TreeNode> = z.lazy(() => z.object({ id: z.string(), name: z.string(), level, children: z.array(treeNodeSchema) }))

const pathItem = z.object({ id: z.string(), name: z.string(), level })

export const gridNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  level,
  parentId: z.string().optional(),
  path: z.array(pathItem),
  roster: rosterCardSchema,
  boundary: z.unknown().optional(),
  children: z.array(pathItem),
})
export type GridNode = z.infer<typeof gridNodeSchema>

export const gridTree = defineRoute({
  method: 'GET',
  path: '/v1/grids/tree',
  summary: '本辖区的网格树',
  action: 'grids.read',
  response: z.object({ root: treeNodeSchema }),
})

export const getGrid = defineRoute({
  method: 'GET',
  path: '/v1/grids/{id}',
  summary: '一个网格节点及其公示信息',
  action: 'grids.read',
  params: idParams,
  response: gridNodeSchema,
})

export const locateGrid = defineRoute({
  method: 'GET',
  path: '/v1/grids/locate',
  summary: '定位一个坐标所在的最深网格节点',
  action: 'grids.read',
  query: pointQuery,
  response: gridNodeSchema,
})
