import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CaseSummary } from '@linli/shared'
import { Cell } from '../components/nutui'
import { CaseTags } from '../components/case-tags'
import { formatTime } from '../../../utils/format'

/** One case in a list: number and category, two lines of description, where and when; tap opens it. */
export function CaseRow({ item }: { item: CaseSummary }) {
  return (
    <Cell
      className={`case-list__item case-list__item--${item.status}`}
      clickable
      align='flex-start'
      onClick={() => Taro.navigateTo({ url: `/packages/case/detail/index?id=${item.id}` })}
      title={
        <View className='case-list__head'>
          <Text className='case-list__category'>{item.categoryName}</Text>
          <Text className='case-list__number'>{item.number}</Text>
        </View>
      }
      description={
        <View>
          <View className='case-list__desc'>{item.public ? '我也遇到：关注处理进度' : item.description}</View>
          <Text className='case-list__meta'>
            {item.address || item.gridName} · {formatTime(item.createdAt)}
          </Text>
        </View>
      }
      extra={
        <CaseTags
          status={item.status}
          flagged={item.flagged}
          overdue={item.overdue}
          mark={item.mark}
          supervised={item.supervised}
          statusClassName='case-list__status'
        />
      }
    />
  )
}
