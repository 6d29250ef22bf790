import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, View } from '@tarojs/components'
import {
  addDays,
  bookingLifecycle,
  chinaDate,
  fireBookingEvent,
  outcomeLabels,
  outcomes,
  performanceLabels,
  performances,
  type BookingDetail,
  type BookingEvent,
  type Outcome,
  type Performance,
} from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { Button, Cell, CellGroup, Input, RadioGroup, Rate, TextArea } from '../components/nutui'

export type FormEvent = 'decline' | 'cancel' | 'refuse' | 'complete' | 'follow_up' | 'rate'
export const formEvents: readonly string[] = ['decline', 'cancel', 'refuse', 'complete', 'follow_up', 'rate']

const area = (className: string, value: string, onChange: (v: string) => void, max: number, placeholder: string, rows = 3) => (
  <TextArea className={className} value={value} onChange={onChange} maxLength={max} showCount rows={rows} placeholder={placeholder} />
)

/**
 * The form of an event that needs words: a reason (decline, cancel, refuse), the outcome with the record and — for a
 * written agreement — the agreement's fields of the law (complete), or what the follow-up visit found (follow_up).
 */
export function ActionForm(props: { booking: BookingDetail; type: FormEvent; onDone: (next: BookingDetail) => void }) {
  const { booking: b, type } = props
  const [text, setText] = useState('')
  const [outcome, setOutcome] = useState<Outcome>('agreement_written')
  const [performance, setPerformance] = useState<Performance>('performed')
  const [rating, setRating] = useState(5)
  const [agreement, setAgreement] = useState({ facts: '', disputes: '', terms: '', manner: '', place: '', deadline: addDays(chinaDate(new Date()), 14) })
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof agreement) => (v: string) => setAgreement((a) => ({ ...a, [k]: v }))

  const event = (): BookingEvent => {
    if (type === 'complete') {
      const { facts, disputes, terms, manner, place, deadline } = agreement
      return {
        type,
        outcome,
        record: text,
        ...(outcome === 'agreement_written' ? { agreement: { facts, disputes, terms, performance: { manner, place, deadline } } } : {}),
      }
    }
    if (type === 'follow_up') return { type, performance, note: text }
    if (type === 'rate') return { type, rating, ...(text.trim() ? { comment: text.trim() } : {}) }
    return { type, reason: text }
  }
  const submit = () => {
    setBusy(true)
    call(fireBookingEvent, { params: { id: b.id }, body: { ...event(), version: b.version } })
      .then(props.onDone)
      .catch((e: ApiError) => void Taro.showToast({ title: e.fields?.[0]?.message ?? e.message, icon: 'none' }))
      .finally(() => setBusy(false))
  }

  return (
    <View className={`booking-form booking-form--${type}`}>
      {type === 'complete' && (
        <CellGroup title='调解结果'>
          <RadioGroup
            className='booking-form__outcome'
            value={outcome}
            onChange={(v) => setOutcome(v as Outcome)}
            options={outcomes.map((o) => ({ label: outcomeLabels[o], value: o }))}
          />
        </CellGroup>
      )}
      {type === 'follow_up' && (
        <CellGroup title='履行情况'>
          <RadioGroup
            className='booking-form__performance'
            direction='horizontal'
            value={performance}
            onChange={(v) => setPerformance(v as Performance)}
            options={performances.map((p) => ({ label: performanceLabels[p], value: p }))}
          />
        </CellGroup>
      )}
      {type === 'rate' && (
        <CellGroup title='对这次调解满意吗'>
          <Rate className='booking-form__rating' value={rating} onChange={setRating} />
        </CellGroup>
      )}
      <CellGroup
        title={type === 'complete' ? '调解记录' : type === 'follow_up' ? '回访情况' : type === 'rate' ? '评价（选填）' : `${bookingLifecycle.labels[type]}原因`}
      >
        {type === 'complete'
          ? area('booking-form__record', text, setText, 2000, '双方陈述、争议焦点、调解经过（至少 5 个字）', 5)
          : area(
              'booking-form__text',
              text,
              setText,
              type === 'rate' ? 200 : type === 'follow_up' ? 500 : 200,
              type === 'rate' ? '说说你的感受（选填）' : type === 'follow_up' ? '回访发现的履行情况（2–500 字）' : '请填写原因（2–200 字）',
            )}
      </CellGroup>
      {type === 'complete' && outcome === 'agreement_written' && (
        <CellGroup title='调解协议书'>
          {area('booking-form__facts', agreement.facts, set('facts'), 1000, '纠纷的主要事实')}
          {area('booking-form__disputes', agreement.disputes, set('disputes'), 1000, '争议事项及各方责任')}
          {area('booking-form__terms', agreement.terms, set('terms'), 2000, '双方自愿达成的协议内容', 4)}
          <Input
            className='booking-form__manner'
            value={agreement.manner}
            onChange={set('manner')}
            maxLength={200}
            placeholder='履行方式，如：自行履行、分期支付'
          />
          <Input className='booking-form__place' value={agreement.place} onChange={set('place')} maxLength={100} placeholder='履行地点' />
          <Picker mode='date' value={agreement.deadline} start={chinaDate(new Date())} onChange={(e) => set('deadline')(String(e.detail.value))}>
            <Cell className='booking-form__deadline' title='履行期限' extra={agreement.deadline} clickable />
          </Picker>
        </CellGroup>
      )}
      <View className='booking-form__submit'>
        <Button block type='primary' loading={busy} onClick={submit}>
          {`提交${bookingLifecycle.labels[type]}`}
        </Button>
      </View>
    </View>
  )
}
