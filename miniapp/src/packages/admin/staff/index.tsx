import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { adminStaff, createInvite, revokeRole, roleSpecs, staffRoles, type StaffRole } from '@linli/shared'
import { call } from '../../../api/request'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { usePagedList } from '../../../components/use-paged-list'
import { ListFooter } from '../../../components/list-footer'
import { usePageClass } from '../../../components/text-size'
import { formatTime } from '../../../utils/format'
import { Button, Cell, CellGroup, RadioGroup } from '../components/nutui'
import { useAdminCatalogue, type AdminCatalogue } from '../components/use-admin-catalogue'
import '../components/console.scss'

/** The scopes a role may be bound to in the district (its grids, streets, departments, rooms or the district itself). */
const scopesFor = (c: AdminCatalogue, role: StaffRole) => {
  const spec = roleSpecs[role]
  if (spec.scope === 'department') return c.departments
  if (spec.scope === 'room') return c.rooms
  return c.nodes.filter((n) => spec.levels?.includes(n.level))
}
const toast = (e: unknown) => void Taro.showToast({ title: (e as Error).message, icon: 'none' })

/** 工作人员: who holds a role in a scope (phones masked), invite someone to it, take a role back. */
export default function AdminStaff() {
  const pageClass = usePageClass()
  const session = useSession()
  const [role, setRole] = useState<StaffRole>('gridworker')
  const [scopeId, setScopeId] = useState('')
  const { catalogue, load, shell } = useAdminCatalogue()
  useEffect(() => void load(), [])
  const scopes = catalogue ? scopesFor(catalogue, role) : []
  const scope = scopes.find((s) => s.id === scopeId) ?? scopes[0]
  const list = usePagedList((cursor) => call(adminStaff, { query: { role, scopeId: scope!.id, limit: 20, cursor } }), [role, scope?.id], {
    enabled: Boolean(session && scope),
    keyOf: (p) => p.userId,
  })

  const invite = () =>
    call(createInvite, { body: { role, scopeId: scope!.id, expiresInHours: 72 } }).then(
      ({ code, expiresAt, scopeName }) =>
        void Taro.showModal({
          title: `${roleSpecs[role].label}邀请码`,
          content: `${code}\n请受邀人在「我的」→「使用邀请码」中填写，成为${scopeName}的${roleSpecs[role].label}；${formatTime(expiresAt)} 前有效`,
          showCancel: false,
          confirmText: '知道了',
        }),
      toast,
    )
  const revoke = async (person: { userId: string; name: string }) => {
    const { confirm } = await Taro.showModal({
      title: '收回角色',
      content: `确定收回${person.name}在${scope!.name}的${roleSpecs[role].label}角色吗？其登录会话将立即失效。`,
    })
    if (!confirm) return
    call(revokeRole, { params: { id: person.userId, role, scopeId: scope!.id } }).then(() => {
      void Taro.showToast({ title: '已收回', icon: 'success' })
      void list.reload(true)
    }, toast)
  }

  return (
    <PageShell className={`${pageClass} admin-page admin-staff`} signedOut={!session} {...shell}>
      {() => (
        <>
          <CellGroup title='角色'>
            <RadioGroup
              className='admin-staff__roles'
              direction='horizontal'
              value={role}
              onChange={(v) => (setRole(v as StaffRole), setScopeId(''))}
              options={staffRoles.map((r) => ({ label: roleSpecs[r].label, value: r }))}
            />
          </CellGroup>
          <CellGroup title='范围'>
            <RadioGroup
              className='admin-staff__scopes'
              direction='horizontal'
              value={scope?.id ?? ''}
              onChange={(v) => setScopeId(String(v))}
              options={scopes.map((s) => ({ label: s.name, value: s.id }))}
            />
          </CellGroup>
          <CellGroup title={scope ? `${scope.name}的${roleSpecs[role].label}` : ''} className='admin-staff__list'>
            {list.loading ? (
              <Cell title='加载中…' />
            ) : list.error ? (
              <Cell title={list.error} />
            ) : list.items.length === 0 ? (
              <Cell className='admin-staff__none' title='还没有人担任这个角色' />
            ) : (
              list.items.map((p) => (
                <Cell
                  key={p.userId}
                  className='admin-staff__person'
                  title={p.name}
                  description={p.phone ?? '未留手机号'}
                  extra={
                    <Button size='small' className='admin-staff__revoke' onClick={() => void revoke(p)}>
                      收回
                    </Button>
                  }
                />
              ))
            )}
          </CellGroup>
          {list.items.length > 0 && <ListFooter list={list} block='admin-staff' />}
          <View className='admin-page__actions'>
            {scope && (
              <Button type='primary' className='admin-staff__invite' onClick={() => void invite()}>
                邀请{roleSpecs[role].label}
              </Button>
            )}
          </View>
        </>
      )}
    </PageShell>
  )
}
