import { useEffect, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { listRooms, specialties, specialtyLabels, type RoomSummary, type Specialty } from '@linli/shared'
import { position } from '../../../api/location'
import { call } from '../../../api/request'
import { StateView } from '../../../components/state-view'
import { Button, Cell, CellGroup } from '../components/nutui'
import { SpecialtyTags } from '../components/specialty-tags'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

type Filter = Specialty | 'all'
const distance = (m?: number) => (m === undefined ? '' : m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`)

/** 说事室: the district's rooms, filtered by the kind of dispute, nearest first once the resident shares a position. */
export default function Rooms() {
  const pageClass = usePageClass()
  // From a dispute the dispatcher referred: the booking will settle that case.
  const caseId = useRouter().params.caseId
  // The card never carries the referred case.
  useShareAppMessage(() => ({ title: '邻里 · 就近预约说事室', path: '/packages/mediation/rooms/index' }))
  const [filter, setFilter] = useState<Filter>('all')
  const [here, setHere] = useState<{ lat: number; lng: number }>()
  const [rooms, setRooms] = useState<RoomSummary[]>()
  const [error, setError] = useState('')
  const load = () => {
    setError('')
    call(listRooms, { query: { specialty: filter === 'all' ? undefined : filter, ...here } })
      .then((r) => setRooms(r.items))
      .catch((e: Error) => setError(e.message))
  }
  useEffect(load, [filter, here])

  const locate = () =>
    position('按远近排列说事室')
      .then(({ lat, lng }) => setHere({ lat, lng }))
      .catch(() => Taro.showToast({ title: '未获得位置，按默认顺序显示', icon: 'none' }))

  return (
    <View className={`${pageClass} rooms`}>
      <View className='rooms__intro'>
        <Text>邻里有矛盾，到说事室坐下来说开。选一个说事室和时段，调解员确认后按时到场。</Text>
      </View>
      <View className='rooms__filters'>
        {(['all', ...specialties] as Filter[]).map((s) => (
          <Button key={s} size='small' className='rooms__filter' type={s === filter ? 'primary' : 'default'} onClick={() => setFilter(s)}>
            {s === 'all' ? '全部' : specialtyLabels[s]}
          </Button>
        ))}
        <Button size='small' className='rooms__locate' fill='outline' onClick={() => void locate()}>
          离我最近
        </Button>
        <Button size='small' className='rooms__join' fill='outline' onClick={() => Taro.navigateTo({ url: '/packages/mediation/join/index' })}>
          凭邀请码加入
        </Button>
      </View>
      {!rooms || error || !rooms.length ? (
        <StateView loading={!rooms && !error} error={error} empty='没有接待这类纠纷的说事室' onRetry={load} />
      ) : (
        <CellGroup>
          {rooms.map((r) => (
            <Cell
              key={r.id}
              className='rooms__item'
              clickable
              align='flex-start'
              onClick={() => Taro.navigateTo({ url: `/packages/mediation/room/index?id=${r.id}${caseId ? `&caseId=${caseId}` : ''}` })}
              title={<Text className='rooms__name'>{r.name}</Text>}
              description={
                <View>
                  <View className='muted'>{r.address}</View>
                  <View className='muted'>{r.hours}</View>
                  <SpecialtyTags className='rooms__tags' items={r.specialties} />
                </View>
              }
              extra={<Text className='muted'>{distance(r.distanceMeters)}</Text>}
            />
          ))}
        </CellGroup>
      )}
    </View>
  )
}
