import { Text, View } from '@tarojs/components'
import { caseEventLabels, type CaseDetail } from '@linli/shared'
import { Rate, Step, Steps } from '../components/nutui'
import { PhotoGrid } from '../../../components/photo-grid'
import { formatTime } from '../../../utils/format'

type Item = CaseDetail['timeline'][number]

const labelOf = (type: Item['type']) => caseEventLabels[type]

/** 处理进度: every step of the case, oldest first, the latest highlighted. */
export function Timeline({ items }: { items: Item[] }) {
  return (
    <View className='timeline'>
      <Text className='section-title'>处理进度</Text>
      <Steps direction='vertical' type='dot' value={items.length}>
        {items.map((t, i) => (
          <Step
            key={`${t.at}-${i}`}
            value={i + 1}
            className={`timeline__item timeline__item--${t.type}`}
            title={
              <View className='timeline__head'>
                <Text className='timeline__label'>{labelOf(t.type)}</Text>
                <Text className='timeline__actor'>{t.actorName}</Text>
              </View>
            }
            description={
              <View className='timeline__body'>
                <Text className='timeline__time'>{formatTime(t.at)}</Text>
                {t.rating !== undefined && (
                  <View className='timeline__rating' aria-label={`评分 ${t.rating} 分`}>
                    <Rate value={t.rating} readOnly />
                  </View>
                )}
                {t.note && <Text className='timeline__note'>{t.note}</Text>}
                <PhotoGrid photos={t.photos} />
              </View>
            }
          />
        ))}
      </Steps>
    </View>
  )
}
