import { View } from '@tarojs/components'
import { specialtyLabels, type Specialty } from '@linli/shared'
import { Tag } from './nutui'

/** The kinds of dispute a room takes or a mediator knows, as tags. */
export function SpecialtyTags(props: { items: readonly Specialty[]; className: string }) {
  return (
    <View className={props.className}>
      {props.items.map((s) => (
        <Tag key={s} plain type='primary'>
          {specialtyLabels[s]}
        </Tag>
      ))}
    </View>
  )
}
