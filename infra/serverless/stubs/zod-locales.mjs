// zod's locales as our functions use them: Simplified Chinese alone (shared/validation.ts), not all 40-odd languages.
export { default as zhCN } from 'zod/v4/locales/zh-CN.js'
