/** How a caller stands to a grid: its staff (bound to it, or to its community), or not. */
import type { Action } from '@linli/shared'
import type { Catalogue } from '../district/ports'
import type { Caller } from '../identity/ports'
import { may } from '../authorize'

/** Whether the caller may do `action` on the grid: a binding on the grid itself or on its community. */
export function onGrid(catalogue: Catalogue, caller: Caller, action: Action, gridId: string): boolean {
  const node = catalogue.nodes.find((n) => n.id === gridId && n.level === 'grid')
  return !!node && (may(caller, action, node.id) || (!!node.parentId && may(caller, action, node.parentId)))
}
