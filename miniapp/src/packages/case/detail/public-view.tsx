import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { caseProgressTemplates, caseStatusLabels, followCase, openStatuses, type publicCase, type RouteResponse } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { sessionFor } from '../../../components/use-session'
import { formatTime } from '../../../utils/format'
import { Button, Cell, CellGroup } from '../components/nutui'

export type PublicCase = RouteResponse<typeof publicCase>

/** The share card's title: what any neighbour may know of the case (category, status, grid), nothing anyone wrote. */
export const shareTitle = (c: { categoryName: string; status: PublicCase['status']; gridName: string }) =>
  `${c.categoryName} · ${caseStatusLabels[c.status]} · ${c.gridName}`

/**
 * A case opened from a share card by someone who has no part in it (or has not signed in): its public face only.
 * While it is open they can follow it (我也遇到, signing in first) to hear how it ends.
 */
export function PublicView({ c, onFollowed }: { c: PublicCase; onFollowed: () => void }) {
  const open = (openStatuses as readonly string[]).includes(c.status)
  const follow = async () => {
    if (!sessionFor()) return
    const consent = askSubscribe([...caseProgressTemplates]) // inside the tap, before any await
    try {
      await call(followCase, { params: { id: c.id } })
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'case.alreadyFollowing')) return void Taro.showToast({ title: (e as Error).message, icon: 'none' })
    }
    await tellConsent(consent, '“我的上报”', '已关注')
    onFollowed()
  }
  return (
    <View className='case-public'>
      <CellGroup>
        <Cell
          className='case-public__title'
          title={<Text className='case__number'>{c.categoryName}</Text>}
          extra={<Text className='case__status'>{caseStatusLabels[c.status]}</Text>}
        />
        <Cell title='所在网格' extra={c.gridName} />
        <Cell title='上报时间' extra={formatTime(c.createdAt)} />
        <Cell title='关注人数' extra={`${c.followerCount} 人`} />
      </CellGroup>
      <Text className='muted case-public__note'>为保护当事人隐私，这里只显示公开信息。</Text>
      <View className='case-public__actions'>
        {open && (
          <Button block type='primary' className='case-public__follow' onClick={() => void follow()}>
            我也遇到，关注进展
          </Button>
        )}
        <Button block fill='outline' className='case-public__report' onClick={() => void Taro.navigateTo({ url: '/packages/case/report/index' })}>
          我要上报其他问题
        </Button>
      </View>
    </View>
  )
}
