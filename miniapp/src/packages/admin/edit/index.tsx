import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import {
  adminCategoryPut,
  adminDepartmentPut,
  priorities,
  priorityLabels,
  resolveWorkdays,
  slaBandKeys,
  slaBands,
  type Priority,
  type SlaBand,
} from '@linli/shared'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { useRouteForm } from '../../../components/use-route-form'
import { Field, FieldError } from '../../../components/field-error'
import { usePageClass } from '../../../components/text-size'
import { Button, CellGroup, Input, RadioGroup, Switch } from '../components/nutui'
import { useAdminCatalogue } from '../components/use-admin-catalogue'
import '../components/console.scss'

interface Form {
  name: string
  nodeId: string
  classId: string
  order: number
  departmentId: string
  priority: Priority
  slaBand: SlaBand
  autoDispatch: boolean
}
const blank: Form = { name: '', nodeId: '', classId: '', order: 0, departmentId: '', priority: 'medium', slaBand: 'general', autoDispatch: false }

/** A band as the form offers it: its name and the time it gives to resolve. */
const bandLabel = (b: SlaBand) =>
  resolveWorkdays(b) ? `${slaBands[b].label}办结（按法定工作日，含调休）` : `${slaBands[b].label}（${slaBands[b].resolveMinutes / 1440} 天办结）`

/** A new id the admin need not think of: the kind's prefix and a short random part (ids are the district's own). */
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`

/** One department or one item of the taxonomy, new or changed (`kind`, and `id` or a new item's `classId`). */
export default function AdminEdit() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const kind = params.kind === 'category' ? 'category' : 'department'
  const fresh = !params.id
  const [form, setForm] = useState<Form>(blank)
  const department = useRouteForm(adminDepartmentPut)
  const category = useRouteForm(adminCategoryPut)
  const { errors, busy } = kind === 'department' ? department : category
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }))

  const { catalogue, error, setError, load } = useAdminCatalogue((c) => {
    const items = c.classes.flatMap((k) => k.items)
    const d = c.departments.find((x) => x.id === params.id)
    const i = items.find((x) => x.id === params.id)
    if (!fresh && !(kind === 'department' ? d : i)) return setError('没有找到要编辑的记录，它可能已被删除')
    if (d) set({ name: d.name, nodeId: d.nodeId })
    else if (i) set({ ...i })
    else set({ classId: params.classId ?? c.classes[0]?.id ?? '', order: (c.classes.find((k) => k.id === params.classId)?.items.length ?? 0) + 1 })
    void Taro.setNavigationBarTitle({ title: `${fresh ? '新建' : '编辑'}${kind === 'department' ? '部门' : '事件分类'}` })
  })
  useEffect(() => void load(), [])

  const save = async () => {
    const saved =
      kind === 'department'
        ? await department.submit({ params: { id: params.id ?? newId('dept') }, body: { name: form.name, nodeId: form.nodeId } })
        : await category.submit({
            params: { id: params.id ?? newId('cat') },
            body: {
              classId: form.classId,
              name: form.name,
              order: form.order,
              departmentId: form.departmentId,
              priority: form.priority,
              slaBand: form.slaBand,
              autoDispatch: form.autoDispatch,
            },
          })
    if (!saved) return
    void Taro.showToast({ title: '已保存', icon: 'success' })
    void Taro.navigateBack()
  }

  return (
    <PageShell className={`${pageClass} admin-page admin-edit`} signedOut={!session} loading={!catalogue && !error} error={error} onRetry={() => void load()}>
      {() => {
        const c = catalogue!
        // A department serves from the district or one of its streets (the levels the dispatch desks sit at).
        const serving = c.nodes.filter((n) => n.level === 'district' || n.level === 'street')
        return (
          <>
            <CellGroup title={kind === 'department' ? '部门' : '事件分类'}>
              <Field label='名称' name='name' error={errors.name}>
                <Input
                  className='admin-edit__name'
                  placeholder={kind === 'department' ? '如 区园林绿化局' : '如 绿地破坏'}
                  maxLength={40}
                  value={form.name}
                  onChange={(name) => set({ name })}
                />
              </Field>
              {kind === 'category' && (
                <Field label='排序' name='order' error={errors.order}>
                  <Input
                    className='admin-edit__order'
                    type='digit'
                    placeholder='排序，数字小的在前'
                    maxLength={3}
                    value={String(form.order)}
                    onChange={(v) => set({ order: Number(v) || 0 })}
                  />
                </Field>
              )}
            </CellGroup>
            {kind === 'department' ? (
              <CellGroup title='服务范围'>
                <RadioGroup
                  className='admin-edit__node'
                  value={form.nodeId}
                  onChange={(v) => set({ nodeId: String(v) })}
                  options={serving.map((n) => ({ label: n.name, value: n.id }))}
                />
                <FieldError name='nodeId' message={errors.nodeId} />
              </CellGroup>
            ) : (
              <>
                <CellGroup title='所属大类'>
                  <RadioGroup
                    className='admin-edit__class'
                    direction='horizontal'
                    value={form.classId}
                    onChange={(v) => set({ classId: String(v) })}
                    options={c.classes.map((k) => ({ label: k.name, value: k.id }))}
                  />
                  <FieldError name='classId' message={errors.classId} />
                </CellGroup>
                <CellGroup title='默认派往部门'>
                  <RadioGroup
                    className='admin-edit__department'
                    value={form.departmentId}
                    onChange={(v) => set({ departmentId: String(v) })}
                    options={c.departments.map((d) => ({ label: d.name, value: d.id }))}
                  />
                  <FieldError name='departmentId' message={errors.departmentId} />
                </CellGroup>
                <CellGroup title='优先级与处置时限'>
                  <RadioGroup
                    className='admin-edit__priority'
                    direction='horizontal'
                    value={form.priority}
                    onChange={(v) => set({ priority: v as Priority })}
                    options={priorities.map((p) => ({ label: `${priorityLabels[p]}优先`, value: p }))}
                  />
                  <RadioGroup
                    className='admin-edit__band'
                    direction='horizontal'
                    value={form.slaBand}
                    onChange={(v) => set({ slaBand: v as SlaBand })}
                    options={slaBandKeys.map((b) => ({ label: bandLabel(b), value: b }))}
                  />
                  <Field label='受理后自动派单' name='autoDispatch' error={errors.autoDispatch}>
                    <Switch
                      className='admin-edit__auto'
                      ariaLabel='受理后自动派单'
                      checked={form.autoDispatch}
                      onChange={(autoDispatch) => set({ autoDispatch })}
                    />
                  </Field>
                </CellGroup>
              </>
            )}
            <FieldError message={errors._form} />
            <View className='admin-page__actions'>
              <Button type='primary' block className='admin-edit__save' loading={busy} onClick={() => void save()}>
                保存
              </Button>
            </View>
          </>
        )
      }}
    </PageShell>
  )
}
