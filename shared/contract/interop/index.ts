export * from './open311'
export * from './openapi'
export * from './partners'
export * from '../../domain/interop/open311-status'
