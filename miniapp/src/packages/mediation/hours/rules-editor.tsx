import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { putAvailability, weekdayLabels, type MediatorDetail } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { Button, Cell, CellGroup, Input } from '../components/nutui'

type Rule = MediatorDetail['rooms'][number]['rules'][number]
const blank: Rule = { weekday: 1, start: '09:00', end: '12:00', sessionMinutes: 60, bufferMinutes: 0 }

/** The mediator's weekly hours in one room: one row per weekday window, saved together (the server checks overlaps). */
export function RulesEditor(props: { roomId: string; rules: Rule[]; onSaved: (d: MediatorDetail) => void }) {
  const [rules, setRules] = useState<Rule[]>(props.rules)
  const [busy, setBusy] = useState(false)
  const set = (i: number, patch: Partial<Rule>) => setRules((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const save = () => {
    setBusy(true)
    call(putAvailability, { params: { id: props.roomId }, body: { rules } })
      .then((d) => (props.onSaved(d), Taro.showToast({ title: '已保存', icon: 'none' })))
      .catch(
        (e: ApiError) =>
          void Taro.showToast({
            title: e.fields?.[0] ? `第 ${Number(e.fields[0].path.split('.')[1] ?? 0) + 1} 条：${e.fields[0].message}` : e.message,
            icon: 'none',
          }),
      )
      .finally(() => setBusy(false))
  }
  return (
    <CellGroup title='每周接待时间' className='rules-editor'>
      {rules.map((r, i) => (
        <View key={i} className='rules-editor__rule'>
          <Picker mode='selector' range={weekdayLabels.slice(1)} value={r.weekday - 1} onChange={(e) => set(i, { weekday: Number(e.detail.value) + 1 })}>
            <Text className='rules-editor__weekday'>{weekdayLabels[r.weekday]}</Text>
          </Picker>
          <Picker mode='time' value={r.start} onChange={(e) => set(i, { start: String(e.detail.value) })}>
            <Text className='rules-editor__time'>{r.start}</Text>
          </Picker>
          <Text>–</Text>
          <Picker mode='time' value={r.end} onChange={(e) => set(i, { end: String(e.detail.value) })}>
            <Text className='rules-editor__time'>{r.end}</Text>
          </Picker>
          {/* Labelled in words beside it: a bare "60" told nobody what it was. */}
          <Text className='rules-editor__unit'>每场</Text>
          <Input
            className='rules-editor__minutes'
            type='number'
            ariaLabel='每场分钟数'
            value={String(r.sessionMinutes)}
            onChange={(v) => set(i, { sessionMinutes: Number(v) || 0 })}
            placeholder='60'
          />
          <Text className='rules-editor__unit'>分钟</Text>
          <Button size='small' fill='none' className='rules-editor__remove' onClick={() => setRules((rs) => rs.filter((_, j) => j !== i))}>
            删除
          </Button>
        </View>
      ))}
      {!rules.length && <Cell title='尚未设置接待时间，居民暂时约不到你' />}
      <View className='rules-editor__actions'>
        <Button size='small' onClick={() => setRules((rs) => [...rs, rs.at(-1) ? { ...rs.at(-1)!, weekday: (rs.at(-1)!.weekday % 7) + 1 } : blank])}>
          添加时段
        </Button>
        <Button size='small' type='primary' loading={busy} className='rules-editor__save' onClick={save}>
          保存
        </Button>
      </View>
    </CellGroup>
  )
}
