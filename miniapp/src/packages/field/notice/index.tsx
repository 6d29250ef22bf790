import { useEffect, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { OpenData, Text, View } from '@tarojs/components'
import { ackAnnouncement, announcementStats, getAnnouncement, readAnnouncement, type AnnouncementView, type RouteResponse } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { formatTime } from '../../../utils/format'
import { PhotoGrid } from '../../../components/photo-grid'
import { PageShell } from '../../../components/page-shell'
import { sessionFor, useSession } from '../../../components/use-session'
import { Button, Cell, CellGroup, Tag } from '../components/nutui'
import { fieldGrids } from '../components/my-grid'
import { groupEntry } from './group-entry'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

type Group = NonNullable<RouteResponse<typeof readAnnouncement>['group']>
type Stats = RouteResponse<typeof announcementStats>

const stateLabels = { acknowledged: ['已确认', 'success'], read: ['已读', 'primary'], unread: ['未读', 'warning'], unlinked: ['未绑定', 'default'] } as const

/** A group's name: WeChat's open-data component (the only way a mini-program may show it); H5 has none. */
const GroupName = ({ opengid }: { opengid: string }) =>
  process.env.TARO_ENV === 'weapp' ? <OpenData type='groupName' openGid={opengid} defaultText='微信群' /> : <Text>微信群 {opengid.slice(-4)}</Text>

/** A notice: read (recorded once, with the group it was opened from), acknowledged, shared to groups; its staff see who read it. */
export default function Notice() {
  const pageClass = usePageClass()
  // Anyone may read a notice; the read is recorded (and a group card counted) once the reader has signed in.
  const session = useSession(false)
  const { params } = useRouter()
  const id = params.id!
  const [a, setA] = useState<AnnouncementView>()
  const [group, setGroup] = useState<Group>()
  const [stats, setStats] = useState<Stats>()
  const [error, setError] = useState('')
  const staff = !!a && fieldGrids(session).some((b) => b.scopeId === a.gridId)

  const record = async (bind = false) => {
    const entry = await groupEntry(id, params.dev_group).catch(() => undefined)
    const r = await call(readAnnouncement, { params: { id }, body: entry ? { channel: 'group', scene: 1044, ...entry, bind } : { channel: 'app' } })
    setA((x) => x && { ...x, readAt: r.readAt, ackAt: r.ackAt })
    setGroup(r.group)
    return r
  }
  const loadStats = () => call(announcementStats, { params: { id }, query: { limit: 50 } }).then(setStats, () => undefined)
  const load = () => {
    setError('')
    call(getAnnouncement, { params: { id } })
      .then((got) => (setA(got), session && record()))
      .catch((e) => setError(e instanceof ApiError ? e.message : '加载失败，请检查网络'))
  }
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.updateShareMenu({ withShareTicket: true }).catch(() => undefined)
    load()
  }, [session?.token])
  useEffect(() => void (staff && loadStats()), [staff])
  useShareAppMessage(() => ({ title: a ? `【通知】${a.title}` : '社区通知', path: `/packages/field/notice/index?id=${id}` }))

  const ack = () =>
    sessionFor() &&
    call(ackAnnouncement, { params: { id } }).then(
      (r) => (setA((x) => x && { ...x, ...r }), void Taro.showToast({ title: '已回复已知晓', icon: 'success' })),
      (e: ApiError) => void Taro.showToast({ title: e.message, icon: 'none' }),
    )
  const bind = () =>
    record(true).then(
      (r) => (void Taro.showToast({ title: r.group?.binding === 'this_grid' ? '已绑定到本网格' : '该群已绑定其他网格', icon: 'none' }), void loadStats()),
      (e: ApiError) => void Taro.showToast({ title: e.message, icon: 'none' }),
    )

  return (
    <PageShell className={`${pageClass} notice`} loading={!a && !error} error={a ? undefined : error} onRetry={load}>
      {() => {
        if (!a) return null
        return (
          <>
            <View className='notice__head'>
              <View className='notice__title'>{a.title}</View>
              <View className='notice__meta'>{`${a.gridName} · ${a.authorName} · ${formatTime(a.publishedAt)}`}</View>
              {group && (
                <View className='notice__group'>
                  来自群聊「
                  <GroupName opengid={group.opengid} />」{group.binding === 'this_grid' ? '（本网格的群）' : ''}
                </View>
              )}
            </View>
            <View className='notice__body'>{a.body}</View>
            {a.images.length > 0 && <PhotoGrid photos={a.images} />}
            <View className='notice__actions'>
              {/* The grid's staff (its author among them) read the counts below; only residents acknowledge. */}
              {a.ackRequired &&
                !staff &&
                (a.ackAt ? (
                  <Text className='notice__ack notice__ack--done'>{`已回复已知晓（${formatTime(a.ackAt)}）`}</Text>
                ) : (
                  <Button block type='primary' className='notice__ack' onClick={ack}>
                    回复已知晓
                  </Button>
                ))}
              {group?.mayBind && (
                <Button block fill='outline' className='notice__bind' onClick={bind}>
                  将这个群绑定到本网格
                </Button>
              )}
              {staff && process.env.TARO_ENV === 'weapp' && (
                <Button block fill='outline' openType='share' className='notice__share'>
                  分享到住户群
                </Button>
              )}
            </View>
            {stats && (
              <>
                <CellGroup title='阅读情况'>
                  <Cell className='notice__counts' title={`已读 ${stats.reads} 人 · 已确认 ${stats.acks} 人`} description='按住户台账逐户查看谁还没有看到' />
                  {stats.groups.map((g) => (
                    <Cell key={g.opengid} title={<GroupName opengid={g.opengid} />} extra={`${g.reads} 人从群里打开${g.bound ? '' : '（未绑定）'}`} />
                  ))}
                </CellGroup>
                <CellGroup title='住户'>
                  {stats.households.map((h) => (
                    <Cell
                      key={h.id}
                      className={`notice__household notice__household--${h.state}`}
                      title={`${h.address} · ${h.headName}`}
                      extra={<Tag type={stateLabels[h.state][1]}>{stateLabels[h.state][0]}</Tag>}
                    />
                  ))}
                </CellGroup>
              </>
            )}
          </>
        )
      }}
    </PageShell>
  )
}
