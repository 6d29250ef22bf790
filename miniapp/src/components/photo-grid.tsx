import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Image } from './photo-nutui'
import './photos.scss'

/** Read-only photos; tap one to view them all full screen. */
export function PhotoGrid({ photos }: { photos: { key: string; url: string }[] }) {
  if (!photos.length) return null
  const urls = photos.map((p) => p.url)
  return (
    <View className='photos'>
      {photos.map((p) => (
        <View key={p.key} className='photos__tile' onClick={() => void Taro.previewImage({ current: p.url, urls })}>
          <Image className='photos__image' src={p.url} width='100%' height='100%' mode='aspectFill' />
        </View>
      ))}
    </View>
  )
}
