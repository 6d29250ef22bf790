export * from './catalogue'
