import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { careTagLabels, careTags, createHousehold, deleteHousehold, getHousehold, updateHousehold, type CareTag, type HouseholdView } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { PageShell } from '../../../components/page-shell'
import { useRouteForm } from '../../../components/use-route-form'
import { Field, FieldError } from '../../../components/field-error'
import { useSession } from '../../../components/use-session'
import { formatTime } from '../../../utils/format'
import { Button, Cell, CellGroup, CheckboxGroup, Input, InputNumber, TextArea } from '../components/nutui'
import { dueText } from '../components/care-tags'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

interface Form {
  building: string
  unit: string
  room: string
  headName: string
  members: number
  phone: string
  careTags: CareTag[]
  notes: string
}
const blank: Form = { building: '', unit: '', room: '', headName: '', members: 1, phone: '', careTags: [], notes: '' }
const formOf = (h: HouseholdView): Form => ({
  building: h.building ?? '',
  unit: h.unit ?? '',
  room: h.room ?? '',
  headName: h.headName,
  members: h.members,
  phone: h.phone ?? '',
  careTags: h.careTags,
  notes: h.notes,
})

/** 一户的台账: register, read, change or remove it; 走访打卡 starts a visit check-in on it. */
export default function Household() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const [household, setHousehold] = useState<HouseholdView>()
  const [form, setForm] = useState<Form>(blank)
  const [error, setError] = useState('')
  const fresh = !params.id
  const creating = useRouteForm(createHousehold)
  const updating = useRouteForm(updateHousehold)
  const { errors, busy } = fresh ? creating : updating

  const show = (h: HouseholdView) => (setHousehold(h), setForm(formOf(h)))
  const load = () => {
    if (!params.id) return
    setError('')
    call(getHousehold, { params: { id: params.id } }).then(show, (e: ApiError) => setError(e.message))
  }
  // Read again on return (a visit just recorded moves its dates).
  useDidShow(load)
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }))

  const save = async () => {
    const fields = { ...form, phone: form.phone.trim() || undefined, notes: form.notes.trim() }
    const saved = fresh
      ? await creating.submit({ body: { gridId: params.gridId!, ...fields } })
      : await updating.submit({ params: { id: params.id! }, body: { ...fields, version: household!.version } })
    if (!saved) return
    void Taro.showToast({ title: '已保存', icon: 'success' })
    // A new household, or one moved to another door (a new id): open it under its id.
    if (fresh || saved.id !== params.id) void Taro.redirectTo({ url: `/packages/field/household/index?id=${saved.id}` })
    else show(saved)
  }
  const remove = async () => {
    const { confirm } = await Taro.showModal({ title: '移除住户', content: '确定把这一户从台账中移除吗（如已搬离）？' })
    if (!confirm) return
    call(deleteHousehold, { params: { id: params.id! } }).then(
      () => void Taro.navigateBack(),
      (e: ApiError) => void Taro.showToast({ title: e.message, icon: 'none' }),
    )
  }
  const visit = () =>
    void Taro.navigateTo({
      url: `/packages/field/checkin/index?kind=visit&householdId=${household!.id}&gridId=${household!.gridId}&householdLabel=${encodeURIComponent(household!.address)}`,
    })

  return (
    <PageShell
      className={`${pageClass} household`}
      signedOut={!session}
      loading={!fresh && !household && !error}
      error={fresh || household ? undefined : error}
      onRetry={load}
    >
      {() => {
        const readOnly = household?.masked ?? false
        return (
          <>
            {household && (
              <CellGroup title={`${household.gridName} · ${household.address}`}>
                <Cell
                  className='household__visits'
                  title={household.lastVisitAt ? `上次走访 ${formatTime(household.lastVisitAt)}` : '尚未走访'}
                  extra={dueText(household.nextDueAt)}
                />
                {!readOnly && (
                  <View className='household__actions'>
                    <Button type='primary' className='household__visit' onClick={visit}>
                      走访打卡
                    </Button>
                  </View>
                )}
              </CellGroup>
            )}
            {readOnly && <Cell title='个人信息已隐藏' description='只有本网格的网格员、网格长能查看明文' />}
            <CellGroup title='住址与户主'>
              <Field label='楼栋' name='building' error={errors.building}>
                <Input
                  className='household__building'
                  disabled={readOnly}
                  placeholder='楼栋，如 3'
                  maxLength={20}
                  value={form.building}
                  onChange={(building) => set({ building })}
                />
              </Field>
              <Field label='单元' name='unit' error={errors.unit}>
                <Input
                  className='household__unit'
                  disabled={readOnly}
                  placeholder='单元（选填），如 2'
                  maxLength={10}
                  value={form.unit}
                  onChange={(unit) => set({ unit })}
                />
              </Field>
              <Field label='门牌号' name='room' error={errors.room}>
                <Input
                  className='household__room'
                  disabled={readOnly}
                  placeholder='门牌号，如 301'
                  maxLength={20}
                  value={form.room}
                  onChange={(room) => set({ room })}
                />
              </Field>
              <Field label='户主姓名' name='headName' error={errors.headName}>
                <Input
                  className='household__head'
                  disabled={readOnly}
                  placeholder='户主姓名'
                  maxLength={20}
                  value={form.headName}
                  onChange={(headName) => set({ headName })}
                />
              </Field>
              <Cell
                title='家庭人口'
                extra={
                  <View ariaLabel='家庭人口'>
                    <InputNumber
                      className='household__members'
                      disabled={readOnly}
                      min={1}
                      max={30}
                      value={form.members}
                      onChange={(v) => set({ members: Number(v) })}
                    />
                  </View>
                }
              />
              <Field label='联系电话' name='phone' error={errors.phone}>
                <Input
                  className='household__phone'
                  disabled={readOnly}
                  type='number'
                  placeholder='联系电话（选填）'
                  maxLength={11}
                  value={form.phone}
                  onChange={(phone) => set({ phone })}
                />
              </Field>
            </CellGroup>
            <CellGroup title='关爱标签（决定走访周期）'>
              <CheckboxGroup
                className='household__tags'
                direction='horizontal'
                disabled={readOnly}
                value={form.careTags}
                onChange={(v) => set({ careTags: v as CareTag[] })}
                options={careTags.map((t) => ({ label: careTagLabels[t], value: t, disabled: readOnly, onChange: () => undefined }))}
              />
            </CellGroup>
            <CellGroup title='备注'>
              <View className='household__notes'>
                <TextArea
                  disabled={readOnly}
                  value={form.notes}
                  onChange={(notes) => set({ notes })}
                  maxLength={500}
                  showCount
                  rows={3}
                  placeholder='选填，如：子女在外地，每周电话联系'
                />
              </View>
            </CellGroup>
            <FieldError name='form' message={errors._form ?? errors.members ?? errors.careTags ?? errors.notes ?? errors.version} />
            {!readOnly && (
              <View className='household__footer'>
                <Button block type='primary' className='household__save' loading={busy} onClick={save}>
                  {fresh ? '登记' : '保存修改'}
                </Button>
                {!fresh && (
                  <Button block fill='none' className='household__remove' onClick={remove}>
                    移出台账
                  </Button>
                )}
              </View>
            )}
          </>
        )
      }}
    </PageShell>
  )
}
