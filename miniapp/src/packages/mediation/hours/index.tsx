import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { getMediator, putMediatorProfile, specialties, specialtyLabels, type MediatorDetail, type Specialty } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { Button, CellGroup, CheckboxGroup, Input, TabPane, Tabs, TextArea } from '../components/nutui'
import { RulesEditor } from './rules-editor'
import { ExceptionsEditor } from './exceptions-editor'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

/** The mediator's own page: weekly hours and date exceptions per room, and the profile residents see. */
export default function Hours() {
  const pageClass = usePageClass()
  const session = useSession()
  const me = session?.user.id ?? ''
  const isMediator = Boolean(session?.user.roles.some((b) => b.role === 'mediator'))
  const [detail, setDetail] = useState<MediatorDetail>()
  const [error, setError] = useState('')
  const [room, setRoom] = useState<string>()
  const [profile, setProfile] = useState({ brand: '', intro: '', specialties: [] as Specialty[] })
  const [busy, setBusy] = useState(false)

  const show = (d: MediatorDetail) => {
    setDetail(d)
    setRoom((r) => r ?? d.rooms[0]?.id ?? session?.user.roles.find((b) => b.role === 'mediator')?.scopeId)
    setProfile({ brand: d.brand ?? '', intro: d.intro, specialties: d.specialties })
  }
  const load = () => {
    setError('')
    call(getMediator, { params: { id: me } })
      .then(show)
      .catch((e: ApiError) =>
        e.status === 404 ? show({ id: me, name: session!.user.name, specialties: [], intro: '', record: { held: 0 }, rooms: [] }) : setError(e.message),
      )
  }
  useEffect(() => {
    if (session) load()
  }, [])

  const saveProfile = () => {
    setBusy(true)
    call(putMediatorProfile, { params: { id: me }, body: { ...profile, brand: profile.brand.trim() || undefined } })
      .then((d) => (show(d), Taro.showToast({ title: '简介已保存', icon: 'none' })))
      .catch((e: ApiError) => void Taro.showToast({ title: e.fields?.[0]?.message ?? e.message, icon: 'none' }))
      .finally(() => setBusy(false))
  }

  return (
    <PageShell
      className={`${pageClass} hours`}
      signedOut={!session}
      empty={isMediator ? undefined : '你还不是任何说事室的调解员'}
      loading={isMediator && (!detail || !room) && !error}
      error={detail ? undefined : error}
      onRetry={load}
    >
      {() => {
        if (!session || !detail || !room) return null
        const rooms = session.user.roles.filter((b) => b.role === 'mediator')
        return (
          <>
            {rooms.length > 1 && (
              <Tabs value={room} onChange={(v) => setRoom(String(v))} activeType='line' duration={0}>
                {rooms.map((b) => (
                  <TabPane key={b.scopeId} value={b.scopeId} title={b.scopeName} />
                ))}
              </Tabs>
            )}
            <RulesEditor key={room} roomId={room} rules={detail.rooms.find((r) => r.id === room)?.rules ?? []} onSaved={show} />
            <ExceptionsEditor roomId={room} />
            <CellGroup title='我的简介（居民预约时可见）' className='hours__profile'>
              <Input
                className='hours__brand'
                value={profile.brand}
                onChange={(brand) => setProfile((p) => ({ ...p, brand }))}
                maxLength={12}
                placeholder='品牌名称（选填），如：老李说事'
              />
              <TextArea
                className='hours__intro'
                value={profile.intro}
                onChange={(intro) => setProfile((p) => ({ ...p, intro }))}
                maxLength={300}
                showCount
                rows={3}
                placeholder='简介（5–300 字）'
              />
              <CheckboxGroup
                className='hours__specialties'
                direction='horizontal'
                value={profile.specialties}
                onChange={(v) => setProfile((p) => ({ ...p, specialties: v as Specialty[] }))}
                options={specialties.map((s) => ({ label: specialtyLabels[s], value: s, disabled: false, onChange: () => undefined }))}
              />
              <View className='hours__save'>
                <Button block type='primary' loading={busy} onClick={saveProfile}>
                  保存简介
                </Button>
              </View>
            </CellGroup>
          </>
        )
      }}
    </PageShell>
  )
}
