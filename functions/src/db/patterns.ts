/**
 * Every Query the repositories make is a named dynamodb-toolbox AccessPattern (DESIGN.md rule 7): an input schema, the
 * key condition it builds, default options, and a title that names its row in ./README.md. Each family keeps its own
 * in `<family>/patterns.ts` and declares them in its manifest (`storage.patterns`); patterns.test.ts checks the
 * composed set against the README. GetItem, PutItem and transactions are single-item reads and writes and are named in
 * the README.
 */
import { AccessPattern } from 'dynamodb-toolbox/table/actions/accessPattern'
import type { Entities } from './entities'

/** A new access pattern on the one table. */
export const ap = (e: Pick<Entities, 'table'>) => e.table.build(AccessPattern)

/** A family's named patterns, as its manifest declares them (their own types stay in `<family>/patterns.ts`). */
export type NamedPatterns = Record<string, { query: (input: never) => { params: () => unknown } }>
