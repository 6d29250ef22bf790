/**
 * The rules of the permission table (composed in shared/families.ts from each family's `permissions`). Who may do what (DESIGN.md §2): every route names one action; the HTTP stack checks the roles, the service checks
 * the scope against the record it touches. `scope` says how:
 *  - `none`      holding one of the roles anywhere in the caller's district is enough;
 *  - `district`  a binding on the caller's district itself (a district admin);
 *  - `node` / `department` / `room`  a binding on the node, department or room the service names;
 *  - `record`    the service decides from the caller's standing to the record (reporter, assignee, the lifecycle).
 * Everyone signed in is a resident; `anyone` needs no sign-in. `guests` lets a visitor who has not signed in read as a
 * guest of the deployment's district (WeChat's rules: what is public is browsable before any sign-in).
 */
import type { Role } from './roles'

export type ScopeRule = 'none' | 'district' | 'node' | 'department' | 'room' | 'record'

export interface Permission {
  roles: readonly Role[] | 'anyone'
  scope: ScopeRule
  guests?: true
}

/** The rows most actions share. */
export const rule = {
  signedIn: { roles: ['resident'], scope: 'none' },
  onRecord: { roles: ['resident'], scope: 'record' },
  /** The district's public face: the grids and their 网格公示, the rooms and mediators, the notices of a grid. */
  publicRead: { roles: ['resident'], scope: 'none', guests: true },
} as const satisfies Record<string, Permission>
