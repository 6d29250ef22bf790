import { useEffect, useState } from 'react'
import { listSubscriptions, templateLabel, type TemplateKey } from '@linli/shared'
import { call } from '../../api/request'
import { askSubscribe, tellConsent } from '../../api/subscribe'
import { Cell } from '../../components/nutui'

/** Fewer grants than this left of a template: the panel asks the staff member to allow more. */
const LOW = 3

/**
 * How many notices of each kind a staff member can still be sent: WeChat's one-time grants are spent one per notice,
 * so staff top them up as they go (one tap asks for all of their role's templates). Nothing shows until it is known.
 */
export function GrantsPanel({ templates }: { templates: TemplateKey[] }) {
  const [grants, setGrants] = useState<Partial<Record<TemplateKey, number>>>()
  const load = () =>
    call(listSubscriptions).then(
      (r) => setGrants(Object.fromEntries(r.items.map((i) => [i.templateKey, i.grants]))),
      () => undefined,
    )
  // A role without notices of its own asks nothing.
  useEffect(() => void (templates.length && load()), [])
  if (!grants) return null
  const low = templates.some((t) => (grants[t] ?? 0) < LOW)
  // Inside the tap: WeChat shows its sheet only there.
  const topUp = () => void tellConsent(askSubscribe(templates), '工作台').then(load)
  return (
    <Cell
      className={`grants ${low ? 'grants--low' : ''}`}
      title={`消息提醒剩余：${templates.map((t) => `${templateLabel(t)} ${grants[t] ?? 0} 条`).join('，')}`}
      description={low ? '剩余不多了：点此允许更多提醒，以免错过派单和预警' : '每次“允许”可以收到一条提醒，点此补充'}
      clickable
      onClick={topUp}
    />
  )
}
