import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { caseProgressTemplates, followCase, nearbyCases, type CaseSummary } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { Button, Cell, CellGroup } from '../components/nutui'
import { CaseTags } from '../components/case-tags'
import { formatDistance, formatTime } from '../../../utils/format'

type Nearby = CaseSummary & { distanceMeters: number; followerCount: number }

const open = (id: string) => Taro.navigateTo({ url: `/packages/case/detail/index?id=${id}` })

/**
 * 附近类似问题: open cases of the same category near the chosen spot. "我也遇到" follows one (and asks for progress
 * notices) and opens it instead of filing a duplicate.
 */
export function NearbyCases(props: { categoryId?: string; location?: { lat: number; lng: number }; onFollowed: (id: string) => void }) {
  const { categoryId, location } = props
  const [items, setItems] = useState<Nearby[]>([])
  const [busy, setBusy] = useState('')

  useEffect(() => {
    setItems([])
    if (!categoryId || !location) return
    let live = true
    call(nearbyCases, { query: { lat: location.lat, lng: location.lng, categoryId } }).then(
      (r) => live && setItems(r.items),
      () => undefined, // only a hint: the report goes ahead without it
    )
    return () => {
      live = false
    }
  }, [categoryId, location?.lat, location?.lng])

  const follow = async (id: string) => {
    if (busy) return
    const consent = askSubscribe([...caseProgressTemplates]) // inside the tap, before any await
    setBusy(id)
    try {
      await call(followCase, { params: { id } })
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'case.alreadyFollowing')) {
        setBusy('')
        return void Taro.showToast({ title: (e as Error).message, icon: 'none' })
      }
    }
    await tellConsent(consent, '“我的上报”', '已关注')
    setBusy('')
    props.onFollowed(id)
  }

  if (!items.length) return null
  return (
    <CellGroup title='附近类似问题' className='nearby'>
      <Text className='nearby__hint'>附近已有人反映同类问题，如果是同一件事，点“我也遇到”即可关注进展，无需重复上报。</Text>
      {items.map((c) => (
        <Cell
          key={c.id}
          className='nearby__item'
          title={
            <View>
              <Text>{c.categoryName}</Text>
              <Text className='muted'> · 约 {formatDistance(c.distanceMeters)}内</Text>
            </View>
          }
          description={
            <View className='nearby__desc'>
              {c.gridName} · {formatTime(c.createdAt)}上报{c.followerCount ? ` · ${c.followerCount} 人也遇到` : ''}
            </View>
          }
          extra={
            <View className='nearby__actions'>
              <CaseTags status={c.status} />
              <Button
                size='small'
                type='primary'
                className='nearby__follow'
                loading={busy === c.id}
                onClick={(e) => {
                  e.stopPropagation()
                  void follow(c.id)
                }}
              >
                我也遇到
              </Button>
            </View>
          }
          onClick={() => open(c.id)}
        />
      ))}
    </CellGroup>
  )
}
