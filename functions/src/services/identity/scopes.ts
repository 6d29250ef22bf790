import { DomainError, roleSpecs, type Role } from '@linli/shared'
import type { Catalogue } from '../district/ports'

/** Resolves a role's scope inside one district: a node of an allowed level, a department or a room. Foreign → 404. */
export function resolveScope(catalogue: Catalogue, role: Role, scopeId: string): { scopeId: string; scopeName: string } {
  const spec = roleSpecs[role]
  const notFound = () => new DomainError('scope.notFound', [{ path: 'scopeId', message: '授权范围不存在' }])
  switch (spec.scope) {
    case 'node': {
      const node = catalogue.nodes.find((n) => n.id === scopeId)
      if (!node) throw notFound()
      if (spec.levels && !spec.levels.includes(node.level)) {
        throw new DomainError('scope.wrongType', [{ path: 'scopeId', message: `${spec.label}只能授权到${spec.levels.join('/')}级节点` }])
      }
      return { scopeId, scopeName: node.name }
    }
    case 'department': {
      const dept = catalogue.departments.find((d) => d.id === scopeId)
      if (!dept) throw notFound()
      return { scopeId, scopeName: dept.name }
    }
    case 'room': {
      const room = catalogue.rooms.find((r) => r.id === scopeId)
      if (!room) throw notFound()
      return { scopeId, scopeName: room.name }
    }
    case 'district':
      if (scopeId !== catalogue.district.id) throw notFound()
      return { scopeId, scopeName: catalogue.district.name }
  }
}
