import { useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { bookingLifecycle, fireBookingEvent, getBooking, outcomeLabels, outcomes, specialtyLabels, type BookingDetail, type BookingEvent, type BookingEventType, type Outcome } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { askSubscribe } from '../../../api/subscribe'
import { StateView } from '../../../components/state-view'
import { useSession } from '../../../components/use-session'
import { Button, Cell, CellGroup, RadioGroup, Step, Steps, Tag, TextArea } from '../components/nutui'
import { sessionTime, statusTag } from '../components/labels'
import './index.scss'

const needsReason: BookingEventType[] = ['decline', 'cancel', 'refuse']

/** One booking: when and where, the dispute, its timeline, and exactly the actions the server allows now. */
export default function Booking() {
  const session = useSession()
  const { params } = useRouter()
  const id = params.id ?? ''
  const [b, setB] = useState<BookingDetail>()
  const [error, setError] = useState('')
  const [open, setOpen] = useState<BookingEventType>()
  const [text, setText] = useState('')
  const [outcome, setOutcome] = useState<Outcome>('agreement_written')
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

  const fire = (type: BookingEventType) => {
    if (type === 'reschedule') return Taro.navigateTo({ url: `/packages/mediation/room/index?id=${b!.roomId}&mediatorId=${b!.mediatorId}&reschedule=${id}` })
    if ((needsReason.includes(type) || type === 'complete') && open !== type) return setOpen(type), setText('')
    const consent = type === 'confirm' ? askSubscribe(['booking_reminder']) : Promise.resolve() // inside the tap
    const event = (type === 'complete' ? { type, outcome, record: text } : needsReason.includes(type) ? { type, reason: text } : { type }) as BookingEvent
    setBusy(true)
    Promise.all([call(fireBookingEvent, { params: { id }, body: { ...event, version: b!.version } }), consent])
      .then(([next]) => (setB(next), setOpen(undefined)))
      .catch((e: ApiError) => void Taro.showToast({ title: e.fields?.[0]?.message ?? e.message, icon: 'none' }))
      .finally(() => setBusy(false))
  }

  if (!session) return <View className='page' />
  if (!b) return <StateView loading={!error} error={error} onRetry={() => void load()} />
  const tag = statusTag(b.status)
  return (
    <View className='page booking'>
      <CellGroup>
        <Cell title={<Text className='booking__time'>{sessionTime(b.start)}</Text>} extra={<Tag type={tag.type}>{tag.label}</Tag>} />
        <Cell title={b.roomName} description={b.roomAddress} />
        <Cell title='调解员' extra={b.mediatorName} />
        <Cell title='申请人' extra={b.requesterName} />
        {b.respondent ? <Cell title='对方当事人' extra={b.respondent.contactPhone ? `${b.respondent.name} ${b.respondent.contactPhone}` : b.respondent.name} /> : b.otherParty && <Cell title='对方' extra={`${b.otherParty.name}（未加入）`} />}
        <Cell title={specialtyLabels[b.disputeType]} description={b.summary} />
        {b.contactPhone && <Cell title='联系电话' extra={b.contactPhone} />}
        {b.outcome && <Cell title={outcomeLabels[b.outcome]} description={b.record} />}
      </CellGroup>
      {b.inviteCode && (
        <CellGroup title='邀请对方参加（调解需要双方同意）'>
          <Cell title='邀请码' extra={<Text className='booking__code'>{b.inviteCode}</Text>} description='对方在“预约说事 → 凭邀请码加入”输入，或打开你分享的卡片' />
          <View className='booking__share'>
            <Button openType='share' size='small' type='primary' fill='outline'>
              分享给对方
            </Button>
          </View>
        </CellGroup>
      )}
      {(b.status === 'requested' || b.status === 'confirmed') && <Text className='section-title'>{`开始前可取消或改期，截止 ${sessionTime(b.changeUntil)}`}</Text>}
      {open && (
        <CellGroup title={open === 'complete' ? '调解结果' : `${bookingLifecycle.labels[open]}原因`}>
          {open === 'complete' && <RadioGroup className='booking__outcome' value={outcome} onChange={(v) => setOutcome(v as Outcome)} options={outcomes.map((o) => ({ label: outcomeLabels[o], value: o }))} />}
          <TextArea className='booking__text' value={text} onChange={setText} maxLength={open === 'complete' ? 2000 : 200} showCount rows={open === 'complete' ? 5 : 3} placeholder={open === 'complete' ? '调解记录：双方陈述、争议焦点、结果（至少 5 个字）' : '请填写原因（2–200 字）'} />
        </CellGroup>
      )}
      <View className='booking__actions'>
        {b.allowedEvents.map((type) => (
          <Button key={type} className={`booking__action booking__action--${type}`} type={type === 'cancel' || type === 'decline' ? 'default' : 'primary'} loading={busy && open === type} onClick={() => fire(type)}>
            {open === type ? `提交${bookingLifecycle.labels[type]}` : bookingLifecycle.labels[type]}
          </Button>
        ))}
      </View>
      <Text className='section-title'>进展</Text>
      <Steps direction='vertical' value={b.timeline.length}>
        {b.timeline.map((t, i) => (
          <Step key={i} value={i + 1} title={`${bookingLifecycle.labels[t.type]} · ${t.actorName}`} description={`${sessionTime(t.at)}${t.note ? ` · ${t.note}` : ''}`} />
        ))}
      </Steps>
    </View>
  )
}
