import { useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { createHouseholdLink, decideHouseholdLink, listAnnouncements, listHouseholdLinks, type HouseholdLinkView } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { formatTime } from '../../../utils/format'
import { StateView } from '../../../components/state-view'
import { getSession } from '../../../api/session'
import { sessionFor, useSession } from '../../../components/use-session'
import { usePagedList } from '../../../components/use-paged-list'
import { ListFooter } from '../../../components/list-footer'
import { Button, Cell, CellGroup, Input, Tag } from '../components/nutui'
import { fieldGrids } from '../components/my-grid'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

/**
 * 通知公告 of a grid: the grid's staff publish and decide residents' requests to link their household; a resident
 * reads the notices of the grid of their household (or of the grid they came from) and asks to be linked. A visitor
 * who has not signed in reads the notices of the grid they came from (我的网格, a share card).
 */
export default function Notices() {
  const pageClass = usePageClass()
  const session = useSession(false)
  const { params } = useRouter()
  const staffGrid = fieldGrids(session)[0]?.scopeId
  const [link, setLink] = useState<HouseholdLinkView | null>()
  const [pending, setPending] = useState<HouseholdLinkView[]>([])
  const [linksError, setLinksError] = useState('')
  const [door, setDoor] = useState({ building: '', unit: '', room: '' })
  const gridId = params.gridId ?? staffGrid ?? (link?.status === 'linked' ? link.gridId : undefined)
  // The grid's notices, page by page: once the grid is known (given, the staff's own, or the resident's linked one).
  const list = usePagedList((cursor) => call(listAnnouncements, { query: { gridId: gridId!, limit: 20, cursor } }), [gridId], { enabled: Boolean(gridId) })

  /** The resident's own link, or the staff's pending requests: read each time the page shows, not with every page of notices. */
  const loadLinks = async () => {
    setLinksError('')
    try {
      // Read now, not from the last render: the page may show again just signed in.
      const signedIn = getSession()
      const staff = fieldGrids(signedIn)[0]?.scopeId
      setLink(staff || !signedIn ? null : ((await call(listHouseholdLinks, { query: {} })).items[0] ?? null))
      if (staff) setPending((await call(listHouseholdLinks, { query: { gridId: staff, status: 'pending' } })).items)
    } catch (e) {
      setLinksError(e instanceof ApiError ? e.message : '加载失败，请检查网络')
    }
  }
  useDidShow(() => void loadLinks())
  useShareAppMessage(() => ({ title: '社区通知公告', path: `/packages/field/notices/index${gridId ? `?gridId=${gridId}` : ''}` }))

  const ask = async () => {
    if ((!gridId && !params.gridId) || !sessionFor()) return
    // Consent for the notices to come, asked inside the tap.
    const consent = askSubscribe(['announcement'])
    try {
      setLink(await call(createHouseholdLink, { body: { gridId: (params.gridId ?? gridId)!, ...door } }))
      await tellConsent(consent, '社区通知', '已提交，等待网格员审核')
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : '提交失败', icon: 'none' })
    }
  }
  const decide = async (l: HouseholdLinkView, approve: boolean) => {
    try {
      await call(decideHouseholdLink, { params: { id: l.id }, body: { approve } })
      setPending((list) => list.filter((x) => x.id !== l.id))
      void Taro.showToast({ title: approve ? '已通过' : '已拒绝', icon: 'none' })
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败', icon: 'none' })
    }
  }

  return (
    <View className={`${pageClass} notices`}>
      {staffGrid && (
        <View className='notices__actions'>
          <Button
            block
            type='primary'
            className='notices__compose'
            onClick={() => void Taro.navigateTo({ url: `/packages/field/compose/index?gridId=${staffGrid}` })}
          >
            发布通知
          </Button>
        </View>
      )}
      {staffGrid && pending.length > 0 && (
        <CellGroup title='住户绑定申请'>
          {pending.map((l) => (
            <Cell
              key={l.id}
              className='notices__request'
              title={`${l.userName} · ${l.address}`}
              description={`申请于 ${formatTime(l.requestedAt)}`}
              extra={
                <View className='notices__decide'>
                  <Button size='small' type='primary' onClick={() => void decide(l, true)}>
                    通过
                  </Button>
                  <Button size='small' fill='none' onClick={() => void decide(l, false)}>
                    拒绝
                  </Button>
                </View>
              }
            />
          ))}
        </CellGroup>
      )}
      {!staffGrid && link !== undefined && link?.status !== 'linked' && (
        <CellGroup title='绑定我家，接收本网格的通知'>
          {link?.status === 'pending' ? (
            <Cell className='notices__pending' title={`${link.gridName} · ${link.address}`} description='已提交，等待网格员核对台账后通过' />
          ) : params.gridId ? (
            <>
              <Input
                className='notices__building'
                placeholder='楼栋，如 3'
                maxLength={20}
                value={door.building}
                onChange={(building) => setDoor((d) => ({ ...d, building }))}
              />
              <Input
                className='notices__unit'
                placeholder='单元（选填）'
                maxLength={10}
                value={door.unit}
                onChange={(unit) => setDoor((d) => ({ ...d, unit }))}
              />
              <Input
                className='notices__room'
                placeholder='门牌号，如 301'
                maxLength={20}
                value={door.room}
                onChange={(room) => setDoor((d) => ({ ...d, room }))}
              />
              <View className='notices__actions'>
                <Button block type='primary' className='notices__link' onClick={ask}>
                  申请绑定
                </Button>
              </View>
            </>
          ) : (
            <Cell title='在「我的网格」中找到你家所在的网格，打开它的通知公告即可申请绑定' onClick={() => void Taro.switchTab({ url: '/pages/grid/index' })} />
          )}
        </CellGroup>
      )}
      {linksError || !gridId ? (
        <StateView loading={link === undefined && !linksError} error={linksError} empty='绑定住户后可查看本网格的通知' onRetry={() => void loadLinks()} />
      ) : list.loading || list.error ? (
        <StateView loading={list.loading} error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length ? (
        <CellGroup title='通知公告'>
          {list.items.map((a) => (
            <Cell
              key={a.id}
              className={`notices__item ${a.readAt || !session ? '' : 'notices__item--unread'}`}
              title={a.title}
              description={`${a.authorName} · ${formatTime(a.publishedAt)}`}
              extra={!session ? undefined : a.readAt ? a.ackRequired && !a.ackAt ? <Tag type='warning'>待确认</Tag> : undefined : <Tag type='danger'>未读</Tag>}
              onClick={() => void Taro.navigateTo({ url: `/packages/field/notice/index?id=${a.id}` })}
            />
          ))}
        </CellGroup>
      ) : (
        <StateView empty='暂无通知' />
      )}
      {gridId && list.items.length > 0 && <ListFooter list={list} block='notices' />}
    </View>
  )
}
