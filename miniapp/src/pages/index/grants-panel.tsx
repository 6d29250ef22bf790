import { useEffect, useState } from 'react'
import { listSubscriptions, templateLabel, type TemplateKey } from '@linli/shared'
import { call } from '../../api/request'
import { askSubscribe, tellConsent } from '../../api/subscribe'
import { Cell } from '../../components/nutui'

/** Fewer grants than this left of a template: the panel asks the staff member to allow more. */
const LOW = 3

/**
 * How many notices of each kind a staff member can still be sent: WeChat's one-time grants are spent one per notice,
 * so staff top them up as they go (one tap asks for their role's templates); a long-term template (长期订阅) lasts
 * once allowed and is not asked again. Nothing shows until it is known.
 */
/** `round` changes when home is pulled to refresh: the panel reads again. */
export function GrantsPanel({ templates, round }: { templates: TemplateKey[]; round: number }) {
  const [grants, setGrants] = useState<Partial<Record<TemplateKey, { grants: number; longTerm: boolean }>>>()
  const load = () =>
    call(listSubscriptions).then(
      (r) => setGrants(Object.fromEntries(r.items.map((i) => [i.templateKey, i]))),
      () => undefined,
    )
  // A role without notices of its own asks nothing.
  useEffect(() => void (templates.length && load()), [round])
  if (!grants) return null
  const lasting = (t: TemplateKey) => grants[t]?.longTerm ?? false
  const toAsk = templates.filter((t) => !lasting(t))
  const low = toAsk.some((t) => (grants[t]?.grants ?? 0) < LOW)
  const none = toAsk.filter((t) => !grants[t]?.grants)
  // Inside the tap: WeChat shows its sheet only there.
  const topUp = () => void (toAsk.length && tellConsent(askSubscribe(toAsk), '工作台').then(load))
  return (
    <Cell
      className={`grants ${low ? 'grants--low' : ''}`}
      title={`消息提醒剩余：${templates.map((t) => `${templateLabel(t)} ${lasting(t) ? '长期有效' : `${grants[t]?.grants ?? 0} 条`}`).join('，')}`}
      description={
        !toAsk.length
          ? '已长期允许，在微信设置中关闭后需重新允许'
          : none.length
            ? `${none.map(templateLabel).join('、')}已用完，收不到新的提醒：点此允许`
            : low
              ? '剩余不多了：点此允许更多提醒，以免错过派单和预警'
              : '每次“允许”可以收到一条提醒，点此补充'
      }
      clickable={toAsk.length > 0}
      onClick={topUp}
    />
  )
}
