import { useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  bookingLifecycle,
  fireBookingEvent,
  getBooking,
  outcomeLabels,
  performanceLabels,
  specialtyLabels,
  type BookingDetail,
  type BookingEvent,
  type BookingEventType,
} from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { Button, Cell, CellGroup, Step, Steps, Tag } from '../components/nutui'
import { sessionTime, statusTag } from '../components/labels'
import { addToCalendar, openAgreement } from '../components/files'
import { ActionForm, formEvents, type FormEvent } from './action-form'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

/** One booking: when and where, the dispute, its timeline, and exactly the actions the server allows now. */
/** The invitation as text to paste into a chat: the room, the code, and the link that opens the join page with it. */
function copyInvitation(roomName: string, code: string) {
  const link = `${location.origin}${location.pathname}#/packages/mediation/join/index?code=${code}`
  void Taro.setClipboardData({ data: `邀请你到${roomName}一起说事。邀请码：${code}，打开 ${link} 加入` }).then(
    () => void Taro.showToast({ title: '邀请码和链接已复制，发给对方即可', icon: 'none' }),
    () => void Taro.showToast({ title: `复制失败，请把邀请码 ${code} 告诉对方`, icon: 'none' }),
  )
}

export default function Booking() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const id = params.id ?? ''
  const [b, setB] = useState<BookingDetail>()
  const [error, setError] = useState('')
  const [open, setOpen] = useState<FormEvent>()
  const [busy, setBusy] = useState(false)

  const load = () =>
    call(getBooking, { params: { id } })
      .then((r) => (setB(r), setError('')))
      .catch((e: Error) => setError(e.message))
  useDidShow(() => {
    if (session) void load()
  })
  // The share card invites the other party: it opens the join page with the code, never the booking's details.
  useShareAppMessage(() => ({
    title: b?.inviteCode ? `邀请你到${b.roomName}一起说事` : '邻里 · 预约说事',
    path: b?.inviteCode ? `/packages/mediation/join/index?code=${b.inviteCode}` : '/packages/mediation/rooms/index',
  }))

  const toast = (e: unknown) => void Taro.showToast({ title: (e as ApiError).fields?.[0]?.message ?? (e as Error).message, icon: 'none' })
  const fire = (type: BookingEventType) => {
    if (type === 'reschedule') return Taro.navigateTo({ url: `/packages/mediation/room/index?id=${b!.roomId}&mediatorId=${b!.mediatorId}&reschedule=${id}` })
    if (formEvents.includes(type)) return setOpen(open === type ? undefined : (type as FormEvent))
    const consent = type === 'confirm' ? askSubscribe(['booking_reminder']) : Promise.resolve() // inside the tap
    setBusy(true)
    Promise.all([call(fireBookingEvent, { params: { id }, body: { type, version: b!.version } as BookingEvent }), consent])
      .then(([next]) => (setB(next), void tellConsent(consent, '预约详情')))
      .catch(toast)
      .finally(() => setBusy(false))
  }

  return (
    <PageShell className={`${pageClass} booking`} signedOut={!session} loading={!b && !error} error={b ? undefined : error} onRetry={() => void load()}>
      {() => {
        if (!b) return null
        const tag = statusTag(b.status)
        return (
          <>
            <CellGroup>
              <Cell title={<Text className='booking__time'>{sessionTime(b.start)}</Text>} extra={<Tag type={tag.type}>{tag.label}</Tag>} />
              <Cell title={b.roomName} description={b.roomAddress} />
              <Cell title='调解员' extra={b.mediatorName} />
              <Cell title='申请人' extra={b.requesterName} />
              {b.respondent ? (
                <Cell title='对方当事人' extra={b.respondent.contactPhone ? `${b.respondent.name} ${b.respondent.contactPhone}` : b.respondent.name} />
              ) : (
                b.otherParty && <Cell title='对方' extra={`${b.otherParty.name}（未加入）`} />
              )}
              <Cell title={specialtyLabels[b.disputeType]} description={b.summary} />
              {b.contactPhone && <Cell title='联系电话' extra={b.contactPhone} />}
              {b.outcome && <Cell title={outcomeLabels[b.outcome]} description={b.record} />}
            </CellGroup>
            {b.agreement && (
              <CellGroup title={`调解协议 ${b.agreement.number}`}>
                <Cell title='协议内容' description={b.agreement.terms} />
                <Cell
                  title='履行'
                  description={`${b.agreement.performance.manner} · ${b.agreement.performance.place} · ${b.agreement.performance.deadline} 前`}
                />
                <Cell title='当事人确认' extra={b.agreement.confirmations.map((c) => c.name).join('、') || '尚无'} />
                <View className='booking__share'>
                  <Button size='small' className='booking__pdf' onClick={() => void openAgreement(b).catch(toast)}>
                    查看协议书（PDF）
                  </Button>
                </View>
              </CellGroup>
            )}
            {b.followUp && (
              <Cell
                title={`回访 ${b.followUp.dueOn}`}
                extra={b.followUp.performance ? performanceLabels[b.followUp.performance] : '待回访'}
                description={b.followUp.note}
              />
            )}
            {b.inviteCode && (
              <CellGroup title='邀请对方参加（调解需要双方同意）'>
                <Cell
                  title='邀请码'
                  extra={<Text className='booking__code'>{b.inviteCode}</Text>}
                  description={`对方在“预约说事 → 凭邀请码加入”输入，或打开你${process.env.TARO_ENV === 'weapp' ? '分享的卡片' : '发去的链接'}`}
                />
                <View className='booking__share'>
                  {process.env.TARO_ENV === 'weapp' ? (
                    <Button openType='share' size='small' type='primary' fill='outline'>
                      分享给对方
                    </Button>
                  ) : (
                    // A browser has no share card: the invitation (code and link) goes to the clipboard instead.
                    <Button className='booking__copy' size='small' type='primary' fill='outline' onClick={() => copyInvitation(b.roomName, b.inviteCode!)}>
                      复制邀请
                    </Button>
                  )}
                </View>
              </CellGroup>
            )}
            {(b.status === 'requested' || b.status === 'confirmed') && (
              <Text className='section-title'>{`开始前可取消或改期，截止 ${sessionTime(b.changeUntil)}`}</Text>
            )}
            {open && <ActionForm key={open} booking={b} type={open} onDone={(next) => (setB(next), setOpen(undefined))} />}
            <View className='booking__actions'>
              {b.allowedEvents.map((type) => (
                <Button
                  key={type}
                  className={`booking__action booking__action--${type}`}
                  type={['cancel', 'decline', 'refuse'].includes(type) ? 'default' : 'primary'}
                  loading={busy && !formEvents.includes(type)}
                  onClick={() => fire(type)}
                >
                  {bookingLifecycle.labels[type]}
                </Button>
              ))}
              {['requested', 'confirmed'].includes(b.status) && (
                <Button
                  className='booking__action booking__calendar'
                  fill='outline'
                  onClick={() => void addToCalendar(b).then(() => Taro.showToast({ title: '已添加到日历', icon: 'none' }), toast)}
                >
                  添加到日历
                </Button>
              )}
            </View>
            <Text className='section-title'>进展</Text>
            <Steps direction='vertical' value={b.timeline.length}>
              {b.timeline.map((t, i) => (
                <Step
                  key={i}
                  value={i + 1}
                  title={`${bookingLifecycle.labels[t.type]} · ${t.actorName}`}
                  description={`${sessionTime(t.at)}${t.note ? ` · ${t.note}` : ''}`}
                />
              ))}
            </Steps>
          </>
        )
      }}
    </PageShell>
  )
}
