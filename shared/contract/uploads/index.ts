export * from './uploads'
