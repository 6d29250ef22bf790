import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Picker, Text, View } from '@tarojs/components'
import { addDays, chinaDate, createException, deleteException, listExceptions, type RoomException as Exception } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { Button, Cell, CellGroup, Input, RadioGroup } from '../components/nutui'

const toast = (e: ApiError) => void Taro.showToast({ title: e.fields?.[0]?.message ?? e.message, icon: 'none' })

/** Leave and extra hours on a date (the next two months), added and undone by the mediator. */
export function ExceptionsEditor(props: { roomId: string }) {
  const today = chinaDate(new Date())
  const [items, setItems] = useState<Exception[]>([])
  const [date, setDate] = useState(addDays(today, 1))
  const [kind, setKind] = useState<'closed' | 'extra'>('closed')
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [note, setNote] = useState('')
  const load = () =>
    call(listExceptions, { params: { id: props.roomId }, query: { from: today, to: addDays(today, 60) } }).then((r) => setItems(r.items), toast)
  useEffect(() => void load(), [props.roomId])

  const add = () =>
    call(createException, { params: { id: props.roomId }, body: { date, kind, ...(start && end ? { start, end } : {}), ...(note ? { note } : {}) } })
      .then(() => (setStart(''), setEnd(''), setNote(''), load()))
      .catch(toast)
  const remove = (id: string) => call(deleteException, { params: { id: props.roomId, exceptionId: id } }).then(load, toast)

  return (
    <CellGroup title='请假与加开' className='exceptions-editor'>
      {items.map((x) => (
        <Cell
          key={x.id}
          className='exceptions-editor__item'
          title={`${x.date} ${x.kind === 'closed' ? (x.mediatorId ? '请假' : '闭馆') : '加开'}${x.start ? ` ${x.start}–${x.end}` : ' 全天'}`}
          description={x.note}
          extra={
            x.mediatorId ? (
              <Button size='small' fill='none' onClick={() => void remove(x.id)}>
                撤销
              </Button>
            ) : undefined
          }
        />
      ))}
      <View className='exceptions-editor__form'>
        <Picker mode='date' value={date} start={today} onChange={(e) => setDate(String(e.detail.value))}>
          <Text className='exceptions-editor__date'>{date}</Text>
        </Picker>
        <RadioGroup
          direction='horizontal'
          value={kind}
          onChange={(v) => setKind(v as 'closed' | 'extra')}
          options={[
            { label: '请假', value: 'closed' },
            { label: '加开', value: 'extra' },
          ]}
        />
        <Picker mode='time' value={start || '09:00'} onChange={(e) => setStart(String(e.detail.value))}>
          <Text className='exceptions-editor__time'>{start || (kind === 'closed' ? '全天' : '开始')}</Text>
        </Picker>
        <Picker mode='time' value={end || '12:00'} onChange={(e) => setEnd(String(e.detail.value))}>
          <Text className='exceptions-editor__time'>{end || '结束'}</Text>
        </Picker>
        <Input value={note} onChange={setNote} maxLength={50} placeholder='说明（选填）' />
        <Button size='small' type='primary' onClick={() => void add()}>
          添加
        </Button>
      </View>
    </CellGroup>
  )
}
