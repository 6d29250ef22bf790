import { View } from '@tarojs/components'
import { Failure, Order } from '@nutui/icons-react-taro'
import { Button, Empty, Loading } from './nutui'
import './state-view.scss'

/** Loading, error and empty states, the same everywhere. */
export function StateView(props: { loading?: boolean; error?: string; empty?: string; onRetry?: () => void }) {
  if (props.loading) {
    return (
      <View className='state-view'>
        <Loading>加载中…</Loading>
      </View>
    )
  }
  if (props.error) {
    return (
      <View className='state-view'>
        <Empty image={<Failure className='state-view__icon' size={48} aria-hidden />} title='出错了' description={props.error} />
        {props.onRetry && (
          <Button type='primary' size='small' onClick={props.onRetry}>
            重试
          </Button>
        )}
      </View>
    )
  }
  return (
    <View className='state-view'>
      <Empty image={<Order className='state-view__icon' size={48} aria-hidden />} description={props.empty ?? '暂无内容'} />
    </View>
  )
}
