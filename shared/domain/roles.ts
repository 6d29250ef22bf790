/**
 * Roles and the kind of scope each is bound to. A role binding is (role, scopeId); the scope kind says what
 * scopeId names: a grid-tree node, a department or a mediation room. Residents need no binding: everyone is one.
 */
export const roles = ['resident', 'gridworker', 'grid_leader', 'dispatcher', 'official', 'mediator', 'admin', 'leader'] as const
export type Role = (typeof roles)[number]

export const staffRoles = roles.filter((r) => r !== 'resident') as Exclude<Role, 'resident'>[]
export type StaffRole = Exclude<Role, 'resident'>

export type ScopeKind = 'node' | 'department' | 'room' | 'district'

export interface RoleSpec {
  label: string
  scope: ScopeKind
  /** For node-scoped roles: the grid levels the scope node may be at. */
  levels?: readonly string[]
}

export const roleSpecs: Record<Role, RoleSpec> = {
  resident: { label: '居民', scope: 'district' },
  gridworker: { label: '网格员', scope: 'node', levels: ['grid'] },
  grid_leader: { label: '网格长', scope: 'node', levels: ['grid', 'community'] },
  dispatcher: { label: '坐席', scope: 'node', levels: ['district', 'street'] },
  official: { label: '部门工作人员', scope: 'department' },
  mediator: { label: '调解员', scope: 'room' },
  admin: { label: '管理员', scope: 'node', levels: ['district'] },
  // 领导: watches the whole district in the command centre and reads its records, acting on none.
  leader: { label: '领导', scope: 'node', levels: ['district'] },
}

export interface RoleBinding {
  role: Role
  scopeId: string
}

export const hasRole = (bindings: readonly RoleBinding[], role: Role) => bindings.some((b) => b.role === role)

export const isStaff = (bindings: readonly RoleBinding[]) => bindings.some((b) => b.role !== 'resident')
