import { useEffect, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  createBooking,
  fireBookingEvent,
  getRoom,
  specialtyLabels,
  weekdayLabels,
  weekdayOf,
  type RoomDetail,
  type SlotView,
  type Specialty,
} from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { StateView } from '../../../components/state-view'
import { sessionFor } from '../../../components/use-session'
import { useKeyedCall } from '../../../components/use-keyed-call'
import { Button, Cell, CellGroup, Input, RadioGroup, TextArea } from '../components/nutui'
import { SlotPicker } from '../components/slot-picker'
import { SpecialtyTags } from '../components/specialty-tags'
import { sessionTime } from '../components/labels'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/**
 * A room: where and when, its mediators, the slot picker and the booking form. With `reschedule=<booking>` it only
 * picks a new time for that booking.
 */
export default function Room() {
  const pageClass = usePageClass()
  const { params } = useRouter()
  const rescheduling = params.reschedule
  const [room, setRoom] = useState<RoomDetail>()
  // The room only: never a reschedule or the case a booking would settle.
  useShareAppMessage(() => ({
    title: room ? `${room.name} · 预约说事` : '邻里 · 预约说事',
    path: room ? `/packages/mediation/room/index?id=${room.id}` : '/packages/mediation/rooms/index',
  }))
  const [error, setError] = useState('')
  const [mediatorId, setMediatorId] = useState(params.mediatorId ?? 'any')
  const [slot, setSlot] = useState<SlotView>()
  const [refresh, setRefresh] = useState(0)
  const [disputeType, setDisputeType] = useState<Specialty>()
  const [summary, setSummary] = useState('')
  const [otherParty, setOtherParty] = useState('')
  const [phone, setPhone] = useState('')
  const [busy, setBusy] = useState(false)
  // One key per booking attempt: a retry after a lost answer replays instead of booking twice.
  const send = useKeyedCall('bk')

  const load = () => {
    setError('')
    call(getRoom, { params: { id: params.id ?? '' } })
      .then((r) => (setRoom(r), setDisputeType((d) => d ?? r.specialties[0])))
      .catch((e: Error) => setError(e.message))
  }
  useEffect(load, [])

  const failed = (e: unknown) => {
    const err = e as ApiError
    toast(err.fields?.[0]?.message ?? err.message)
    if (err.code !== 'booking.slotTaken') return
    setSlot(undefined)
    setRefresh((n) => n + 1)
  }

  const book = () => {
    // Anyone may look at a room and its free times; booking needs an account (the sign-in page returns here).
    if (!sessionFor()) return
    if (!slot) return toast('请选择时段')
    if (!disputeType) return toast('请选择纠纷类型')
    if (summary.trim().length < 5) return toast('请简述纠纷（至少 5 个字）')
    const consent = askSubscribe(['booking_status', 'booking_reminder']) // inside the tap, before any await
    setBusy(true)
    const body = {
      roomId: room!.id,
      mediatorId: slot.mediatorId,
      start: slot.start,
      disputeType,
      summary: summary.trim(),
      ...(otherParty.trim() ? { otherParty: { name: otherParty.trim() } } : {}),
      ...(phone ? { contactPhone: phone } : {}),
      ...(params.caseId ? { caseId: params.caseId } : {}),
    }
    Promise.all([send(createBooking, { body }), consent])
      .then(([b]) => (void tellConsent(consent, '“我的预约”'), Taro.redirectTo({ url: `/packages/mediation/booking/index?id=${b.id}` })))
      .catch(failed)
      .finally(() => setBusy(false))
  }

  const reschedule = () => {
    if (!slot || !rescheduling) return toast('请选择新的时段')
    setBusy(true)
    call(fireBookingEvent, { params: { id: rescheduling }, body: { type: 'reschedule', start: slot.start, mediatorId: slot.mediatorId } })
      .then(() => (toast('已改期'), Taro.navigateBack()))
      .catch(failed)
      .finally(() => setBusy(false))
  }

  if (!room) return <StateView loading={!error} error={error} onRetry={load} />
  return (
    <View className={`${pageClass} room`}>
      <CellGroup>
        <Cell title={<Text className='room__name'>{room.name}</Text>} description={room.address} />
        {/* The hours as the mediators keep them (their weekly rules), and this week's closed days; the admin's text when nobody receives yet. */}
        <Cell
          className='room__hours'
          title='接待时间'
          description={[
            room.weekly || room.hours,
            ...room.closedOn.map((d) => `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日（${weekdayLabels[weekdayOf(d)]}）不开放`),
          ].join('；')}
        />
        <Cell title='接待' description={room.specialties.map((s) => specialtyLabels[s]).join('、')} />
        <Cell
          title='预约须知'
          description={`至少提前 ${room.minNoticeHours} 小时预约，可约 ${room.horizonDays} 天内；开始前 ${room.cancelCutoffHours} 小时内不能取消或改期。`}
        />
      </CellGroup>
      <Text className='section-title'>调解员</Text>
      <View className='room__mediators'>
        {[{ id: 'any', name: '任意调解员' }, ...room.mediators].map((m) => (
          <Button
            key={m.id}
            size='small'
            className='room__mediator'
            type={m.id === mediatorId ? 'primary' : 'default'}
            onClick={() => (setMediatorId(m.id), setSlot(undefined))}
          >
            {'brand' in m && m.brand ? `${m.name}（${m.brand}）` : m.name}
          </Button>
        ))}
      </View>
      {room.mediators
        .filter((m) => m.id === mediatorId)
        .map((m) => (
          <CellGroup key={m.id}>
            <Cell
              title={m.brand ? `${m.name} · ${m.brand}` : m.name}
              description={m.intro}
              extra={
                <Text className='muted'>{`已调解 ${m.record.held} 场${m.record.agreementRate !== undefined ? ` · 达成率 ${Math.round(m.record.agreementRate * 100)}%` : ''}${m.record.satisfaction !== undefined ? ` · 满意度 ${m.record.satisfaction}` : ''}`}</Text>
              }
            />
            <SpecialtyTags className='room__tags' items={m.specialties} />
          </CellGroup>
        ))}
      <Text className='section-title'>选择时段</Text>
      <SlotPicker roomId={room.id} mediatorId={mediatorId === 'any' ? undefined : mediatorId} value={slot} onChange={setSlot} refresh={refresh} />
      {slot && <Text className='room__chosen'>{`已选：${sessionTime(slot.start)} · ${slot.mediatorName}`}</Text>}
      {rescheduling ? (
        <View className='room__submit'>
          <Button block type='primary' loading={busy} onClick={reschedule}>
            改到这个时间
          </Button>
        </View>
      ) : (
        <>
          <CellGroup title='纠纷类型'>
            <RadioGroup
              className='room__dispute'
              direction='horizontal'
              value={disputeType}
              onChange={(v) => setDisputeType(v as Specialty)}
              options={room.specialties.map((s) => ({ label: specialtyLabels[s], value: s }))}
            />
          </CellGroup>
          <CellGroup title='简述纠纷（仅调解员可见）'>
            <TextArea
              className='room__summary'
              value={summary}
              onChange={setSummary}
              maxLength={300}
              showCount
              rows={4}
              placeholder='发生了什么、涉及谁、希望怎样解决（5–300 字）'
            />
          </CellGroup>
          <CellGroup title='对方（选填）'>
            <Input className='room__other' value={otherParty} onChange={setOtherParty} maxLength={20} placeholder='对方称呼，如：楼上住户' />
            <Input className='room__phone' type='number' value={phone} onChange={setPhone} maxLength={11} placeholder='联系电话（选填，仅调解员可见）' />
          </CellGroup>
          <View className='room__submit'>
            <Button block type='primary' loading={busy} onClick={book}>
              提交预约
            </Button>
          </View>
        </>
      )}
    </View>
  )
}
