import { Text, View } from '@tarojs/components'
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
        <Empty image={<Text className='state-view__icon'>⚠️</Text>} title='出错了' description={props.error} />
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
      <Empty image={<Text className='state-view__icon'>📭</Text>} description={props.empty ?? '暂无内容'} />
    </View>
  )
}
