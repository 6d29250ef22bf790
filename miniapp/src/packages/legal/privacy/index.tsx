import { Text, View } from '@tarojs/components'
import { PRIVACY_UPDATED, privacyItems, privacyNotes } from '../privacy'
import '../legal.scss'
import { usePageClass } from '../../../components/text-size'

/** 隐私政策: what we collect, why, when and for how long (the same text as docs/privacy-guide.md). */
export default function Privacy() {
  const pageClass = usePageClass()
  return (
    <View className={`${pageClass} legal`}>
      <Text className='legal__title'>邻里隐私政策</Text>
      <Text className='legal__updated'>更新日期：{PRIVACY_UPDATED}</Text>
      {privacyItems.map((item) => (
        <View key={item.what} className='legal__item'>
          <Text className='legal__heading'>{item.what}</Text>
          <Text className='legal__para'>用途：{item.why}</Text>
          <Text className='legal__para'>何时收集：{item.when}</Text>
          <Text className='legal__para'>保存：{item.kept}</Text>
        </View>
      ))}
      {privacyNotes.map((note) => (
        <Text key={note} className='legal__para'>
          {note}
        </Text>
      ))}
    </View>
  )
}
