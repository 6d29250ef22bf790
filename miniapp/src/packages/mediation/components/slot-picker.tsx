import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { addDays, chinaDate, roomSlots, weekdayLabels, weekdayOf, type SlotView } from '@linli/shared'
import { call } from '../../../api/request'
import { StateView } from '../../../components/state-view'
import { Button } from './nutui'
import './slot-picker.scss'

const DAYS = 14

/**
 * Days across the top, the day's sessions as time chips below; taken ones are shown but disabled. `refresh` changes
 * reload the slots (after a 409, the slot somebody else just took greys out).
 */
export function SlotPicker(props: { roomId: string; mediatorId?: string; value?: SlotView; onChange: (s: SlotView) => void; refresh: number }) {
  const [slots, setSlots] = useState<SlotView[]>()
  const [error, setError] = useState('')
  const [day, setDay] = useState<string>()
  const load = () => {
    const from = chinaDate(new Date())
    setError('')
    call(roomSlots, { params: { id: props.roomId }, query: { from, to: addDays(from, DAYS), mediatorId: props.mediatorId } })
      .then((r) => {
        setSlots(r.items)
        setDay((d) => d ?? r.items.find((s) => !s.taken)?.date)
      })
      .catch((e: Error) => setError(e.message))
  }
  useEffect(load, [props.roomId, props.mediatorId, props.refresh])

  if (!slots) return <StateView loading={!error} error={error} onRetry={load} />
  const days = [...new Set(slots.map((s) => s.date))]
  if (!days.length) return <StateView empty='近两周没有可预约的时段' />
  const today = slots.filter((s) => s.date === day)
  return (
    <View className='slot-picker'>
      {/* A row that scrolls sideways: focusable, so a keyboard can scroll it too. */}
      <View className='slot-picker__days' ariaLabel='选择日期' {...{ tabIndex: 0 }}>
        {days.map((d) => (
          <View key={d} className={`slot-picker__day${d === day ? ' slot-picker__day--on' : ''}`} onClick={() => setDay(d)}>
            <Text className='slot-picker__weekday'>{weekdayLabels[weekdayOf(d)]}</Text>
            <Text>{`${Number(d.slice(5, 7))}/${Number(d.slice(8))}`}</Text>
            <Text className='slot-picker__free'>{slots.filter((s) => s.date === d && !s.taken).length ? '可约' : '约满'}</Text>
          </View>
        ))}
      </View>
      <View className='slot-picker__times'>
        {today.map((s) => (
          <Button
            key={`${s.start}#${s.mediatorId}`}
            size='small'
            className='slot-picker__time'
            disabled={s.taken}
            type={props.value?.start === s.start && props.value.mediatorId === s.mediatorId ? 'primary' : 'default'}
            onClick={() => props.onChange(s)}
          >
            {`${s.time} ${s.mediatorName}${s.taken ? '（已约）' : ''}`}
          </Button>
        ))}
      </View>
    </View>
  )
}
