import { Text, View } from '@tarojs/components'
import '../legal.scss'
import { usePageClass } from '../../../components/text-size'

const clauses: readonly [string, string][] = [
  ['服务内容', '邻里是辖区的网格化管理服务：居民上报身边的问题、预约说事室调解、查看本网格的通知；网格员、职能部门和调解员在这里受理、办理并答复。'],
  ['账号', '你使用微信登录，账号与你的微信一一对应。工作人员的角色由辖区管理员发放的邀请码开通，不能转让。'],
  ['如实上报', '请如实描述问题、上传现场照片。上报的文字和照片会经微信内容安全检测；含违法违规内容的不予展示。恶意、虚假或重复的上报会被退回。'],
  ['他人的信息', '请勿在上报、说事和通知中公开他人的电话、住址等个人信息。工作人员只在工作需要时查看住户信息，每次查看都有记录。'],
  ['说事与调解', '预约后请按时到场；不能到场请在取消截止时间前取消。调解协议由当事人自愿达成。'],
  ['消息', '订阅消息只在你允许后发送，每次允许对应一条消息；不允许也可以在小程序内查看进展。'],
  ['个人信息', '我们如何收集、使用和保存你的个人信息，见《隐私政策》。'],
]

/** 用户协议: the terms of using Linli, in plain words. */
export default function Agreement() {
  const pageClass = usePageClass()
  return (
    <View className={`${pageClass} legal`}>
      <Text className='legal__title'>邻里用户协议</Text>
      {clauses.map(([heading, text], i) => (
        <View key={heading} className='legal__item'>
          <Text className='legal__heading'>
            {i + 1}. {heading}
          </Text>
          <Text className='legal__para'>{text}</Text>
        </View>
      ))}
    </View>
  )
}
