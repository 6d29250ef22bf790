import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { listRooms, specialtyLabels, type RouteResponse } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { usePageClass } from '../../../components/text-size'
import { Button, Cell, CellGroup } from '../components/nutui'
import '../components/console.scss'

type Rooms = RouteResponse<typeof listRooms>['items']
const open = (url: string) => void Taro.navigateTo({ url })

/** 说事室管理: the district's talk-it-out rooms, each opening its form (and its mediators' invites); a new room. */
export default function AdminRooms() {
  const pageClass = usePageClass()
  const session = useSession()
  const [rooms, setRooms] = useState<Rooms>()
  const [error, setError] = useState('')
  const load = () => {
    setError('')
    call(listRooms, { query: {} }).then(
      (r) => setRooms(r.items),
      (e: ApiError) => setError(e.message),
    )
  }
  useDidShow(load)

  return (
    <PageShell
      className={`${pageClass} admin-page admin-rooms`}
      signedOut={!session}
      loading={!rooms && !error}
      error={rooms ? undefined : error}
      onRetry={load}
    >
      {() => (
        <>
          <CellGroup title={`说事室（${rooms!.length}）`} className='admin-rooms__list'>
            {rooms!.map((r) => (
              <Cell
                key={r.id}
                className='admin-rooms__room'
                title={r.name}
                description={`${r.address} · ${r.hours}\n接待：${r.specialties.map((s) => specialtyLabels[s]).join('、')}`}
                clickable
                onClick={() => open(`/packages/admin/room/index?id=${r.id}`)}
              />
            ))}
          </CellGroup>
          <View className='admin-page__actions'>
            <Button type='primary' className='admin-rooms__new' onClick={() => open('/packages/admin/room/index')}>
              新建说事室
            </Button>
          </View>
        </>
      )}
    </PageShell>
  )
}
