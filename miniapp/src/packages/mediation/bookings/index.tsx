import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { listBookings, specialtyLabels } from '@linli/shared'
import { call } from '../../../api/request'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { StateView } from '../../../components/state-view'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { usePagedList } from '../../../components/use-paged-list'
import { ListFooter } from '../../../components/list-footer'
import { Button, Cell, CellGroup, TabPane, Tabs, Tag } from '../components/nutui'
import { sessionTime, statusTag } from '../components/labels'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

type When = 'upcoming' | 'past'

/** Bookings: the resident's own (view=mine) or the mediator's sessions (view=mediator); upcoming or past. */
export default function Bookings() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const view = params.view === 'mediator' ? 'mediator' : 'mine'
  const [when, setWhen] = useState<When>(params.when === 'past' ? 'past' : 'upcoming')
  const list = usePagedList((cursor) => call(listBookings, { query: { view, when, cursor } }), [when], { enabled: Boolean(session) })
  const { items, loading, error } = list

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: view === 'mediator' ? '预约管理' : '我的预约' })
  }, [])

  return (
    <PageShell className={`${pageClass} bookings`} signedOut={!session}>
      {() => {
        return (
          <>
            <Tabs value={when} onChange={(v) => setWhen(v as When)} activeType='line' duration={0}>
              <TabPane value='upcoming' title='待进行' />
              <TabPane value='past' title='已过去' />
            </Tabs>
            {view === 'mediator' && (
              <View className='bookings__toolbar'>
                <Text className='muted'>有新预约或改期时通过微信通知你</Text>
                <Button
                  size='small'
                  type='primary'
                  fill='outline'
                  onClick={() => void tellConsent(askSubscribe(['booking_request']), '预约列表', '已设置预约通知')}
                >
                  接收预约通知
                </Button>
              </View>
            )}
            {loading || error || !items.length ? (
              <View>
                <StateView loading={loading} error={error} empty={view === 'mine' ? '还没有预约' : '暂无预约'} onRetry={() => void list.reload()} />
                {view === 'mine' && (
                  <Button type='primary' size='small' className='bookings__new' onClick={() => Taro.navigateTo({ url: '/packages/mediation/rooms/index' })}>
                    去预约说事
                  </Button>
                )}
              </View>
            ) : (
              <CellGroup>
                {items.map((b) => {
                  const tag = statusTag(b.status)
                  return (
                    <Cell
                      key={b.id}
                      className={`bookings__item bookings__item--${b.status}`}
                      clickable
                      onClick={() => Taro.navigateTo({ url: `/packages/mediation/booking/index?id=${b.id}` })}
                      title={<Text>{sessionTime(b.start)}</Text>}
                      description={`${b.roomName} · ${view === 'mine' ? `调解员 ${b.mediatorName}` : b.requesterName} · ${specialtyLabels[b.disputeType]}`}
                      extra={<Tag type={tag.type}>{tag.label}</Tag>}
                    />
                  )
                })}
                <ListFooter list={list} block='bookings' />
              </CellGroup>
            )}
          </>
        )
      }}
    </PageShell>
  )
}
