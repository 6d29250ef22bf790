import { View } from '@tarojs/components'
import { careTagLabels, type CareTag } from '@linli/shared'
import { Tag } from './nutui'
import './care-tags.scss'

/** A household's care tags as NutUI tags. */
export function CareTags({ tags }: { tags: CareTag[] }) {
  if (!tags.length) return null
  return (
    <View className='care-tags'>
      {tags.map((t) => (
        <Tag key={t} type='warning' plain>
          {careTagLabels[t]}
        </Tag>
      ))}
    </View>
  )
}

/** How far a due date is: 逾期 3 天 / 今天到期 / 5 天后. */
export function dueText(nextDueAt: string | undefined, now = Date.now()): string {
  if (!nextDueAt) return '无走访周期'
  const days = Math.floor((Date.parse(nextDueAt) - now) / 86_400_000)
  return days < 0 ? `逾期 ${-days} 天` : days === 0 ? '今天到期' : `${days} 天后走访`
}
