/**
 * The demo district 临江区 (fictional): 2 streets, 4 communities, 12 grids on a regular lattice near
 * 30.50°N 114.30°E, each node with a GeoJSON boundary. Names and people are invented.
 */
import type { GridLevel } from '@linli/shared'
import type { RoomRecord } from '@linli/functions/src/services/district/ports'

export const DEMO_DISTRICT_ID = 'linjiang'

type Polygon = { type: 'Polygon'; coordinates: number[][][] }

export interface SeedNode {
  id: string
  name: string
  level: GridLevel
  parentId?: string
  boundary: Polygon
  roster?: {
    gridworker?: { name: string; phone: string; duties: string }
    gridLeader?: { name: string; phone: string; duties: string }
    households?: number
    serviceHours?: string
  }
}

const rect = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
})

const ORIGIN = { lng: 114.3, lat: 30.5 }
const GRID_W = 0.01 // degrees of longitude per grid
const COMMUNITY_H = 0.015 // degrees of latitude per community

const streets = [
  {
    id: 'qingshi',
    name: '青石街道',
    communities: [
      ['liuan', '柳岸社区'],
      ['guixiang', '桂香社区'],
    ],
  },
  {
    id: 'bailu',
    name: '白鹭镇',
    communities: [
      ['donghu', '东湖社区'],
      ['daoxiang', '稻香村'],
    ],
  },
] as const

const gridworkers = ['李建国', '王芳', '刘海涛', '陈秀英', '杨帆', '赵丽娟', '黄志明', '周晓燕', '吴国华', '徐静', '孙德胜', '马玉兰']
const gridLeaders = ['张丽', '何文军', '高红梅', '罗建平']
const phone = (n: number) => `1380000${String(1000 + n).padStart(4, '0')}`

/** The grid tree of a demo district; a second district reuses the same node ids under its own root (tenancy test). */
export function buildNodes(districtId: string, districtName: string): SeedNode[] {
  const nodes: SeedNode[] = [
    { id: districtId, name: districtName, level: 'district', boundary: rect(ORIGIN.lng, ORIGIN.lat, ORIGIN.lng + 6 * GRID_W, ORIGIN.lat + 2 * COMMUNITY_H) },
  ]
  let gridIndex = 0
  streets.forEach((street, s) => {
    const west = ORIGIN.lng + s * 3 * GRID_W
    nodes.push({
      id: `s-${street.id}`,
      name: street.name,
      level: 'street',
      parentId: districtId,
      boundary: rect(west, ORIGIN.lat, west + 3 * GRID_W, ORIGIN.lat + 2 * COMMUNITY_H),
    })
    street.communities.forEach(([cid, cname], c) => {
      const south = ORIGIN.lat + c * COMMUNITY_H
      const leader = gridLeaders[s * 2 + c]!
      nodes.push({
        id: `c-${cid}`,
        name: cname,
        level: 'community',
        parentId: `s-${street.id}`,
        boundary: rect(west, south, west + 3 * GRID_W, south + COMMUNITY_H),
      })
      for (let g = 0; g < 3; g++) {
        const worker = gridworkers[gridIndex]!
        nodes.push({
          id: `g-${cid}-${g + 1}`,
          name: `${cname}第${'一二三'[g]}网格`,
          level: 'grid',
          parentId: `c-${cid}`,
          boundary: rect(west + g * GRID_W, south, west + (g + 1) * GRID_W, south + COMMUNITY_H),
          roster: {
            gridworker: { name: worker, phone: phone(gridIndex), duties: '巡查走访、信息采集、矛盾排查、政策宣传、上报事件' },
            gridLeader: { name: leader, phone: phone(100 + s * 2 + c), duties: '统筹网格工作、审核上报、协调处置' },
            households: 180 + gridIndex * 23,
            serviceHours: '工作日 8:30–17:30',
          },
        })
        gridIndex++
      }
    })
  })
  return nodes
}

export const demoNodes = buildNodes(DEMO_DISTRICT_ID, '临江区')

export const demoDistrict = { id: DEMO_DISTRICT_ID, name: '临江区', casePrefix: 'LJ' }

export const demoDepartments = [
  ['police', '区公安分局'],
  ['fire', '区消防救援大队'],
  ['emergency', '区应急管理局'],
  ['urban', '区城管执法局'],
  ['housing', '区住建局'],
  ['water', '区水务局'],
  ['power', '临江供电所'],
  ['gas', '临江燃气公司'],
  ['market', '区市场监管局'],
  ['eco', '区生态环境分局'],
  ['health', '区卫健局'],
  ['civil', '区民政局'],
  ['justice', '区司法局'],
].map(([id, name]) => ({ id: `dept-${id}`, name: name! }))

/** Talk-it-out rooms (说事室) with their booking policy: 2 h minimum notice, 14 days ahead, changes until 2 h before. */
const policy = { minNoticeHours: 2, horizonDays: 14, cancelCutoffHours: 2 }
export const demoRooms: RoomRecord[] = [
  {
    id: 'room-qingshi',
    name: '青石街道说事室',
    nodeId: 's-qingshi',
    address: '青石街道便民服务中心二楼',
    lat: 30.507,
    lng: 114.309,
    hours: '周一至周五 9:00–12:00、14:00–17:00',
    specialties: ['neighbour', 'property', 'marriage_family', 'labour'],
    ...policy,
  },
  {
    id: 'room-liuan',
    name: '柳岸社区调解室',
    nodeId: 'c-liuan',
    address: '柳岸社区党群服务中心一楼',
    lat: 30.503,
    lng: 114.304,
    hours: '周一、三、五 9:00–12:00，周六 9:00–11:00',
    specialties: ['neighbour', 'marriage_family', 'injury'],
    ...policy,
  },
  {
    id: 'room-bailu',
    name: '白鹭镇说事室',
    nodeId: 's-bailu',
    address: '白鹭镇综治中心一楼',
    lat: 30.515,
    lng: 114.338,
    hours: '周二、周四 14:00–18:00',
    specialties: ['land', 'labour', 'neighbour'],
    ...policy,
  },
]
