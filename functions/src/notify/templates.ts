/** The template registry's configuration: WeChat template ids and keyword names from the environment. */
import { templateKeys, templateRegistry, type TemplateKey, type TemplateSpec } from '@linli/shared'

/** `longTerm`: the template is one of the deployment's long-term templates (LONG_TERM_TEMPLATES, comma-separated keys). */
export type TemplateConfig = Record<TemplateKey, { id: string; keywords: Record<string, string>; longTerm: boolean }>

/**
 * `<config>` holds the template id (the registry's fallback locally); `<config>_KEYWORDS` may rename keywords for a
 * template whose keyword names differ, as `note:thing5,time:time2`.
 */
export function templateConfig(env: Record<string, string | undefined>): TemplateConfig {
  const longTerm = (env.LONG_TERM_TEMPLATES ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
  const unknown = longTerm.filter((k) => !(templateKeys as string[]).includes(k))
  if (unknown.length) throw new Error(`LONG_TERM_TEMPLATES names no template: ${unknown.join(', ')} (known: ${templateKeys.join(', ')})`)
  return Object.fromEntries(
    templateKeys.map((key) => {
      const spec: TemplateSpec = templateRegistry[key]
      const renamed = (env[`${spec.config}_KEYWORDS`] ?? '')
        .split(',')
        .map((pair) => pair.split(':').map((s) => s.trim()))
        .filter((pair): pair is [string, string] => pair.length === 2 && pair[0]! in spec.fields && /^[a-z_]+\d+$/.test(pair[1]!))
      return [key, { id: env[spec.config] || spec.fallbackId, keywords: Object.fromEntries(renamed), longTerm: longTerm.includes(key) }]
    }),
  ) as TemplateConfig
}
