/**
 * The one lifecycle machinery (DESIGN.md §2 rule 3) every family builds its table on: rows of
 * (event, from-states, to-state, who may fire it, whom it notifies, which clocks it starts and stops). Several rows
 * may share an event (who may fire it can depend on the state). A row with a `door` is a side door: the server's
 * own flows fire it (a submit that is resolved on the spot, an auto-dispatch), never a client's event request.
 */
export const NEW = 'new' as const

export interface Row<S extends string, E extends string, A extends string, N extends string, C extends string = string> {
  event: E
  from: readonly (S | typeof NEW)[]
  to: S
  who: readonly A[]
  notify?: readonly N[]
  clock?: { start?: readonly C[]; stop?: readonly C[] }
  door?: string
}

export type Verdict = 'ok' | 'forbidden' | 'invalidState'

export interface Lifecycle<S extends string, E extends string, A extends string, N extends string, C extends string> {
  rows: readonly Row<S, E, A, N, C>[]
  labels: Record<E, string>
  /** The row that lets one of `actors` fire `event` from `state` (through `door`, for side doors). */
  row(state: S | typeof NEW, event: E, actors: ReadonlySet<A>, door?: string): Row<S, E, A, N, C> | undefined
  /** Why `event` may not fire: nobody among `actors` may ever fire it (forbidden) or not from `state`. */
  verdict(state: S | typeof NEW, event: E, actors: ReadonlySet<A>, door?: string): Verdict
  /** The events `actors` may fire now through the front door, in table order: what the client shows. */
  allowed(state: S, actors: ReadonlySet<A>): E[]
}

export function defineLifecycle<S extends string, E extends string, A extends string, N extends string, C extends string = string>(def: {
  states: readonly S[]
  labels: Record<E, string>
  rows: readonly Row<S, E, A, N, C>[]
}): Lifecycle<S, E, A, N, C> {
  for (const r of def.rows) {
    for (const s of [...r.from, r.to]) if (s !== NEW && !def.states.includes(s as S)) throw new Error(`lifecycle row ${r.event}: unknown state ${s}`)
  }
  const by = (event: E, actors: ReadonlySet<A>, door?: string) =>
    def.rows.filter((r) => r.event === event && r.door === door && r.who.some((a) => actors.has(a)))
  return {
    rows: def.rows,
    labels: def.labels,
    row: (state, event, actors, door) => by(event, actors, door).find((r) => r.from.includes(state)),
    verdict(state, event, actors, door) {
      const mine = by(event, actors, door)
      if (!mine.length) return 'forbidden'
      return mine.some((r) => r.from.includes(state)) ? 'ok' : 'invalidState'
    },
    allowed(state, actors) {
      const events = def.rows.filter((r) => !r.door && r.from.includes(state) && r.who.some((a) => actors.has(a))).map((r) => r.event)
      return [...new Set(events)]
    },
  }
}
