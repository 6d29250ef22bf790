/**
 * The command centre (指挥中心, DESIGN.md §3): what a district's dispatchers and its admins watch — the live figures of
 * a district or a street, its grids on one map with their five-colour grades, and the month's rankings. Every figure
 * is read from counters the stream keeps (never by scanning cases), so reading costs the same at a thousand cases as
 * at a hundred thousand.
 */
import * as z from 'zod'
import { defineRoute } from '../route'
import { idSchema } from '../common'
import { rateLevels } from '../../domain/case/rates'
import { grades } from '../../domain/command/grades'

const shares = z.object({
  acceptRate: z.number().optional(),
  dispatchRate: z.number().optional(),
  resolveRate: z.number().optional(),
  satisfactionRate: z.number().optional(),
  averageRating: z.number().optional(),
  /** Cases received in the period. */
  received: z.number(),
})

const watched = z.strictObject({ nodeId: idSchema.optional() })

export const commandOverview = defineRoute({
  method: 'GET',
  path: '/v1/command/overview',
  summary: '指挥中心总览：今日受理、响应、派单、办结，在办（正常、超期），今日、本月、本年三率，下级单位的在办与本月数字（区或街道；不填为本人辖区）',
  action: 'command.watch',
  query: watched,
  response: z.object({
    node: z.object({ id: z.string(), name: z.string(), level: z.enum(['district', 'street']) }),
    /** When the figures were read (UTC ISO; the screen shows it in China time). */
    asOf: z.string(),
    today: z.object({ received: z.number(), accepted: z.number(), dispatched: z.number(), resolved: z.number() }),
    inHand: z.object({ open: z.number(), openOverdue: z.number() }),
    rates: z.object({ today: shares, month: shares, year: shares }),
    /** Today's field work: check-ins (visits among them) and how many of the node's grids had one. */
    field: z.object({ checkins: z.number(), visits: z.number(), gridsPatrolled: z.number(), grids: z.number() }),
    /** This week's mediation in the district's rooms (Monday to today, China time): bookings made, sessions held, agreements. */
    mediation: z.object({ booked: z.number(), held: z.number(), agreements: z.number(), agreementRate: z.number().optional() }),
    /** The streets of the district, or the grids of the street. */
    units: z.array(
      z.object({ id: z.string(), name: z.string(), open: z.number(), openOverdue: z.number(), receivedMonth: z.number(), resolvedMonth: z.number() }),
    ),
  }),
})

export const commandMap = defineRoute({
  method: 'GET',
  path: '/v1/command/map',
  summary: '一张图：辖区每个网格的边界（GeoJSON，WGS84）、在办与超期、本月受理、今日打卡与走访，五色预警等级及其原因；辖区内的说事室',
  action: 'command.watch',
  query: watched,
  response: z.object({
    node: z.object({ id: z.string(), name: z.string() }),
    grids: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        streetId: z.string().optional(),
        boundary: z.unknown().optional(),
        open: z.number(),
        openOverdue: z.number(),
        receivedMonth: z.number(),
        reopenedMonth: z.number(),
        repeatedMonth: z.number(),
        /** Days since the grid's last check-in, counted as far back as the district's grade rules look (0 when none do). */
        daysUnpatrolled: z.number(),
        /** Who serves the grid (names only: their phones are on the grid's own page) and its households as the tree counts them. */
        staff: z.object({ gridworker: z.string().optional(), gridLeader: z.string().optional() }),
        households: z.number().optional(),
        /** Today's check-ins and household visits in the grid (China's day): 0 and 0 is a grid nobody patrolled today. */
        checkinsToday: z.number(),
        visitsToday: z.number(),
        grade: z.enum(grades),
        reasons: z.array(z.string()),
      }),
    ),
    /** The talk-it-out rooms within the watched node, where they are (WGS84). */
    rooms: z.array(z.object({ id: z.string(), name: z.string(), lat: z.number(), lng: z.number() })),
  }),
})

export const rankedLevels = ['street', 'community', 'grid', 'department'] as const satisfies readonly (typeof rateLevels)[number][]
export const rankedLevelLabels: Record<(typeof rankedLevels)[number], string> = { street: '街道', community: '社区', grid: '网格', department: '部门' }

export const commandRankings = defineRoute({
  method: 'GET',
  path: '/v1/command/rankings',
  summary: '排名：某月街道、网格或部门按三率综合得分（权重 30/35/35，受理不足最少件数的不排名），环比、同比',
  action: 'command.watch',
  query: watched.extend({
    level: z.enum(rankedLevels, { error: '排名层级只能是 street、grid 或 department' }),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  }),
  response: z.object({
    month: z.string(),
    level: z.enum(rankedLevels),
    weights: z.object({ accept: z.number(), resolve: z.number(), satisfaction: z.number() }),
    minCases: z.number(),
    units: z.array(
      shares.extend({
        id: z.string(),
        name: z.string(),
        resolved: z.number(),
        score: z.number().optional(),
        rank: z.number().optional(),
        monthOnMonth: z.number().optional(),
        yearOnYear: z.number().optional(),
      }),
    ),
  }),
})

const trendPoint = { received: z.number(), resolved: z.number(), resolveRate: z.number().optional(), satisfactionRate: z.number().optional() }

export const commandTrends = defineRoute({
  method: 'GET',
  path: '/v1/command/trends',
  summary: '趋势：近 30 天每日、近 12 个月每月的受理与办结件数及办结及时率、满意率（区或街道）',
  action: 'command.watch',
  query: watched,
  response: z.object({
    node: z.object({ id: z.string(), name: z.string() }),
    days: z.array(z.object({ day: z.string(), ...trendPoint })),
    months: z.array(z.object({ month: z.string(), ...trendPoint })),
  }),
})

export const commandCategories = defineRoute({
  method: 'GET',
  path: '/v1/command/categories',
  summary: '本月事件分类与热点：受理最多的小类，以及同一网格同类投诉达到 3 件的热点（区或街道）',
  action: 'command.watch',
  query: watched.extend({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM') }),
  response: z.object({
    month: z.string(),
    categories: z.array(z.object({ id: z.string(), name: z.string(), received: z.number() })),
    hotSpots: z.array(z.object({ gridId: z.string(), gridName: z.string(), categoryId: z.string(), categoryName: z.string(), received: z.number() })),
  }),
})

/** At most this many open cases of each status are drawn on the map (the last changed). */
export const POINTS_PER_STATUS = 150

export const commandPoints = defineRoute({
  method: 'GET',
  path: '/v1/command/points',
  summary: `一张图上的在办事件：每种在办状态最近变动的至多 ${POINTS_PER_STATUS} 件（有位置的），超过办结时限的标出（区或街道）`,
  action: 'command.points',
  query: watched,
  response: z.object({
    points: z.array(
      z.object({ id: z.string(), number: z.string(), gridId: z.string(), categoryName: z.string(), lat: z.number(), lng: z.number(), late: z.boolean() }),
    ),
    /** Some status had more open cases than are drawn. */
    capped: z.boolean(),
  }),
})
