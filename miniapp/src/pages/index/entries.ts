/** Home entry points per role: each opens a working page (WeChat review rejects dead controls). */
import type { ComponentType } from 'react'
import type { StaffRole, TemplateKey } from '@linli/shared'
import {
  Articles,
  Category,
  Clock,
  Comment,
  Edit,
  Footprint,
  Home,
  List,
  Location,
  Notice,
  Order,
  Photograph,
  Processing,
  Received,
  Repairman,
  Setting,
  Link,
  Success,
  Transit,
  Warning,
} from '@nutui/icons-react-taro'

export interface Entry {
  key: string
  /** A NutUI icon beside the entry's text (decorative: the text names the entry). */
  icon: ComponentType<{ size?: number | string; color?: string; className?: string }>
  text: string
  url: string
  tab?: boolean
}

export const residentEntries: Entry[] = [
  { key: 'report', icon: Photograph, text: '随手拍上报', url: '/packages/case/report/index' },
  { key: 'my-cases', icon: Order, text: '我的上报', url: '/packages/case/list/index?view=mine' },
  { key: 'booking', icon: Comment, text: '预约说事', url: '/packages/mediation/rooms/index' },
  { key: 'my-bookings', icon: Clock, text: '我的预约', url: '/packages/mediation/bookings/index?view=mine' },
  { key: 'notices', icon: Notice, text: '社区通知', url: '/packages/field/notices/index' },
  { key: 'grid', icon: Location, text: '我的网格', url: '/pages/grid/index', tab: true },
]

export const workbench: Record<StaffRole, Entry[]> = {
  gridworker: [
    { key: 'patrol', icon: Footprint, text: '巡查打卡', url: '/packages/field/patrol/index' },
    { key: 'visits', icon: Home, text: '入户走访', url: '/packages/field/households/index?filter=due' },
    { key: 'households', icon: List, text: '住户台账', url: '/packages/field/households/index?filter=all' },
    { key: 'notices', icon: Notice, text: '发布通知', url: '/packages/field/notices/index' },
    { key: 'grid-cases', icon: Processing, text: '网格事件', url: '/packages/case/list/index?view=grid' },
  ],
  grid_leader: [
    { key: 'patrol', icon: Location, text: '打卡轨迹', url: '/packages/field/patrol/index' },
    { key: 'households', icon: List, text: '住户台账', url: '/packages/field/households/index?filter=all' },
    { key: 'notices', icon: Notice, text: '通知公告', url: '/packages/field/notices/index' },
    { key: 'grid-cases', icon: Processing, text: '网格事件', url: '/packages/case/list/index?view=grid' },
  ],
  dispatcher: [
    { key: 'queue', icon: Received, text: '待受理', url: '/packages/case/list/index?view=queue&status=submitted' },
    { key: 'dispatch', icon: Transit, text: '派单', url: '/packages/case/list/index?view=queue&status=accepted' },
    { key: 'overdue', icon: Warning, text: '超时预警', url: '/packages/case/list/index?view=warned' },
    { key: 'command', icon: Category, text: '指挥中心', url: '/packages/command/screen/index' },
  ],
  official: [
    { key: 'assigned', icon: Repairman, text: '我的工单', url: '/packages/case/list/index?view=assigned' },
    { key: 'handled', icon: Success, text: '已办结', url: '/packages/case/list/index?view=assigned&status=closed' },
  ],
  mediator: [
    { key: 'bookings', icon: Comment, text: '预约管理', url: '/packages/mediation/bookings/index?view=mediator' },
    { key: 'outcomes', icon: Articles, text: '调解记录', url: '/packages/mediation/bookings/index?view=mediator&when=past' },
    { key: 'hours', icon: Clock, text: '接待时间', url: '/packages/mediation/hours/index' },
  ],
  // The admin console's first pages (departments, the taxonomy, the grids from GeoJSON, the rooms, the staff by
  // role and scope with their invites, the log of changes); onboarding a district is still to come.
  admin: [
    { key: 'catalogue', icon: Setting, text: '部门与分类', url: '/packages/admin/catalogue/index' },
    { key: 'grids', icon: Location, text: '网格边界', url: '/packages/admin/grids/index' },
    { key: 'rooms', icon: Comment, text: '说事室管理', url: '/packages/admin/rooms/index' },
    { key: 'staff', icon: Repairman, text: '工作人员', url: '/packages/admin/staff/index' },
    { key: 'changes', icon: Edit, text: '变更记录', url: '/packages/admin/changes/index' },
    { key: 'partners', icon: Link, text: '合作方接入', url: '/packages/interop/partners/index' },
    { key: 'command', icon: Category, text: '指挥中心', url: '/packages/command/screen/index' },
  ],
  // 领导 watches: the command centre, read only.
  leader: [{ key: 'command', icon: Category, text: '指挥中心', url: '/packages/command/screen/index' }],
}

/** The notices each staff role's work brings (one-time grants, spent one per notice): shown with what is left. */
export const workbenchTemplates: Record<StaffRole, TemplateKey[]> = {
  gridworker: ['case_alert'],
  grid_leader: ['case_alert'],
  dispatcher: ['case_alert'],
  official: ['case_dispatch', 'case_alert'],
  mediator: ['booking_request'],
  admin: [],
  leader: [],
}
