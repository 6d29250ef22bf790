import { useState } from 'react'
import { View } from '@tarojs/components'
import type { CategoryClass } from '@linli/shared'
import { Cascader, Cell } from '../components/nutui'
import { FieldError } from '../../../components/field-error'

type CascaderValue = (string | number)[]
type CascaderNode = { text?: string; value?: string | number }

/** 问题分类: 大类 → 小类 in a Cascader; shows which department handles the chosen item. */
export function CategoryField(props: {
  classes?: CategoryClass[]
  loadError?: string
  onRetry: () => void
  path: string[]
  name: string
  error?: string
  onChange: (path: string[], name: string) => void
}) {
  const [open, setOpen] = useState(false)
  const item = props.classes?.flatMap((c) => c.items).find((i) => i.id === props.path[1])
  const options = (props.classes ?? []).map((c) => ({ text: c.name, value: c.id, children: c.items.map((i) => ({ text: i.name, value: i.id })) }))

  const tap = () => (props.classes ? setOpen(true) : props.onRetry())
  return (
    <View>
      <Cell
        className='report__category'
        title='问题分类'
        description={item ? `由${item.departmentName}处理` : props.loadError}
        extra={props.name || (props.classes ? '请选择' : props.loadError ? '点击重试' : '加载中…')}
        clickable
        onClick={tap}
      />
      <FieldError name='category' message={props.error} />
      {props.classes && (
        <Cascader
          visible={open}
          title='选择问题分类'
          closeable
          options={options}
          value={props.path}
          onClose={() => setOpen(false)}
          onChange={(value: CascaderValue, nodes: CascaderNode[]) => {
            if (value.length < 2) return
            props.onChange(value.map(String), nodes.map((n) => n.text ?? '').join(' / '))
            setOpen(false)
          }}
        />
      )}
    </View>
  )
}
