/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare const LINLI_STAGE: string
declare const LINLI_API_BASE: string
/** WeChat subscribe-message template id per template key of shared/contract/subscriptions.ts. */
declare const LINLI_TEMPLATES: Record<import('@linli/shared').TemplateKey, string>
/** The template keys this deployment holds as long-term (长期订阅, 政务民生 only): TARO_APP_LONG_TERM_TEMPLATES. */
declare const LINLI_LONG_TERM: readonly import('@linli/shared').TemplateKey[]

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn'
  }
}
