export * from './watch'
export * from './exports'
export * from './settings'
// The family's pure rules travel with its contract (the composition lists it once: shared/families.ts).
export * from '../../domain/command/grades'
export * from '../../domain/command/ranking'
export * from '../../domain/command/clusters'
