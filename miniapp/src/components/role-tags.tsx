import { View } from '@tarojs/components'
import { roleSpecs, type Role } from '@linli/shared'
import { Tag } from './nutui'

export function RoleTags({ roles }: { roles: { role: string; scopeName: string }[] }) {
  return (
    <View className='role-tags'>
      {roles.map((r) => (
        <Tag key={`${r.role}:${r.scopeName}`} type={r.role === 'resident' ? 'default' : 'primary'} className='role-tag'>
          {roleSpecs[r.role as Role]?.label ?? r.role} · {r.scopeName}
        </Tag>
      ))}
    </View>
  )
}
