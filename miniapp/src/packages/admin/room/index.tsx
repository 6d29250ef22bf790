import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { adminCatalogue, createInvite, getRoom, putRoom, specialties, specialtyLabels, type RoomDetail, type Specialty } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { useRouteForm } from '../../../components/use-route-form'
import { Field, FieldError } from '../../../components/field-error'
import { usePageClass } from '../../../components/text-size'
import { formatTime } from '../../../utils/format'
import { Button, Cell, CellGroup, CheckboxGroup, Input, RadioGroup } from '../components/nutui'
import '../components/console.scss'

interface Form {
  name: string
  nodeId: string
  address: string
  lat: string
  lng: string
  hours: string
  specialties: Specialty[]
  minNoticeHours: string
  horizonDays: string
  cancelCutoffHours: string
}
const blank: Form = {
  name: '',
  nodeId: '',
  address: '',
  lat: '',
  lng: '',
  hours: '',
  specialties: [],
  minNoticeHours: '2',
  horizonDays: '14',
  cancelCutoffHours: '2',
}
const formOf = (r: RoomDetail): Form => ({
  name: r.name,
  nodeId: r.nodeId,
  address: r.address,
  lat: String(r.lat),
  lng: String(r.lng),
  hours: r.hours,
  specialties: r.specialties,
  minNoticeHours: String(r.minNoticeHours),
  horizonDays: String(r.horizonDays),
  cancelCutoffHours: String(r.cancelCutoffHours),
})
/** A number typed in a field: the number, or what was typed (the route's schema then says what is wrong, beside the field). */
const numberOf = (s: string) => (s.trim() === '' || Number.isNaN(Number(s)) ? (s as unknown as number) : Number(s))
const newId = () => `room-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`

/** One talk-it-out room, new or changed (`id`): where it is, when it is open, what it takes, its booking policy; its mediators and their invites. */
export default function AdminRoom() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const [room, setRoom] = useState<RoomDetail>()
  const [places, setPlaces] = useState<{ id: string; name: string }[]>()
  const [error, setError] = useState('')
  const [form, setForm] = useState<Form>(blank)
  const { errors, busy, submit } = useRouteForm(putRoom)
  const set = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }))

  const load = () => {
    setError('')
    Promise.all([call(adminCatalogue, {}), params.id ? call(getRoom, { params: { id: params.id } }) : undefined]).then(
      ([c, r]) => {
        // A room belongs to a street or a community of the district.
        setPlaces(c.nodes.filter((n) => n.level === 'street' || n.level === 'community').map(({ id, name }) => ({ id, name })))
        if (r) {
          setRoom(r)
          set(formOf(r))
        }
        void Taro.setNavigationBarTitle({ title: r ? r.name : '新建说事室' })
      },
      (e: ApiError) => setError(e.message),
    )
  }
  useEffect(load, [])

  const save = async () => {
    const { lat, lng, minNoticeHours, horizonDays, cancelCutoffHours, ...rest } = form
    const saved = await submit({
      params: { id: params.id ?? newId() },
      body: {
        ...rest,
        lat: numberOf(lat),
        lng: numberOf(lng),
        minNoticeHours: numberOf(minNoticeHours),
        horizonDays: numberOf(horizonDays),
        cancelCutoffHours: numberOf(cancelCutoffHours),
      },
    })
    if (!saved) return
    void Taro.showToast({ title: '已保存', icon: 'success' })
    void Taro.navigateBack()
  }
  const invite = () =>
    call(createInvite, { body: { role: 'mediator', scopeId: room!.id, expiresInHours: 72 } }).then(
      ({ code, expiresAt }) =>
        void Taro.showModal({
          title: '调解员邀请码',
          content: `${code}\n请调解员在「我的」→「使用邀请码」中填写，${formatTime(expiresAt)} 前有效`,
          showCancel: false,
          confirmText: '知道了',
        }),
      (e: ApiError) => void Taro.showToast({ title: e.message, icon: 'none' }),
    )

  const text = (label: string, name: keyof Form, placeholder: string, type: 'text' | 'digit' = 'text') => (
    <Field label={label} name={name} error={errors[name]}>
      <Input
        className={`admin-room__${name}`}
        type={type}
        placeholder={placeholder}
        value={form[name] as string}
        onChange={(v) => set({ [name]: v } as Partial<Form>)}
      />
    </Field>
  )

  return (
    <PageShell className={`${pageClass} admin-page admin-room`} signedOut={!session} loading={!places && !error} error={error} onRetry={load}>
      {() => (
        <>
          <CellGroup title='说事室'>
            {text('名称', 'name', '如 柳岸社区说事室')}
            {text('地址', 'address', '如 柳岸社区党群服务中心 2 楼')}
            {text('纬度', 'lat', '如 30.5120（WGS84）', 'digit')}
            {text('经度', 'lng', '如 114.3050（WGS84）', 'digit')}
            {text('开放时间', 'hours', '如 周一至周五 9:00–17:00')}
          </CellGroup>
          <CellGroup title='所属街道或社区'>
            <RadioGroup
              className='admin-room__node'
              direction='horizontal'
              value={form.nodeId}
              onChange={(v) => set({ nodeId: String(v) })}
              options={places!.map((p) => ({ label: p.name, value: p.id }))}
            />
            <FieldError name='nodeId' message={errors.nodeId} />
          </CellGroup>
          <CellGroup title='接待的纠纷类型'>
            <CheckboxGroup
              className='admin-room__specialties'
              direction='horizontal'
              value={form.specialties}
              onChange={(v) => set({ specialties: v as Specialty[] })}
              options={specialties.map((s) => ({ label: specialtyLabels[s], value: s, disabled: false, onChange: () => undefined }))}
            />
            <FieldError name='specialties' message={errors.specialties} />
          </CellGroup>
          <CellGroup title='预约规则'>
            {text('最短提前（小时）', 'minNoticeHours', '如 2', 'digit')}
            {text('可预约天数', 'horizonDays', '如 14', 'digit')}
            {text('取消截止（开始前小时数）', 'cancelCutoffHours', '如 2', 'digit')}
          </CellGroup>
          <FieldError message={errors._form} />
          <View className='admin-page__actions'>
            <Button type='primary' block className='admin-room__save' loading={busy} onClick={() => void save()}>
              保存
            </Button>
          </View>
          {room && (
            <CellGroup title={`调解员（${room.mediators.length}）`} className='admin-room__mediators'>
              {room.mediators.map((m) => (
                <Cell key={m.id} title={m.brand ? `${m.name}（${m.brand}）` : m.name} description={`已主持 ${m.record.held} 场`} />
              ))}
              <View className='admin-page__actions'>
                <Button className='admin-room__invite' onClick={() => void invite()}>
                  邀请调解员
                </Button>
              </View>
            </CellGroup>
          )}
        </>
      )}
    </PageShell>
  )
}
