import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { partnersCreate, partnersList, partnersRevoke, type RouteResponse } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { useRouteForm } from '../../../components/use-route-form'
import { Field, FieldError } from '../../../components/field-error'
import { usePageClass } from '../../../components/text-size'
import { formatTime } from '../../../utils/format'
import { Button, Cell, CellGroup, Input } from '../../../components/nutui'
import './partners.scss'

type Partner = RouteResponse<typeof partnersList>['items'][number]
const toast = (e: unknown) => void Taro.showToast({ title: (e as Error).message, icon: 'none' })

/**
 * 合作方接入 (the district's admin): the Open311 partners — the city's hotline platform, partner apps — that report
 * into the district's case loop. A new partner's api_key is shown once (the server keeps only its hash) and can be
 * copied; a key is known afterwards by its last four characters; a revoked key is refused at once.
 */
export default function InteropPartners() {
  const pageClass = usePageClass()
  const session = useSession()
  const [partners, setPartners] = useState<Partner[]>()
  const [error, setError] = useState('')
  const [name, setName] = useState('')
  const { errors, busy, submit } = useRouteForm(partnersCreate)
  const load = () => {
    setError('')
    call(partnersList, {}).then(
      (r) => setPartners(r.items),
      (e: ApiError) => setError(e.message),
    )
  }
  useDidShow(() => void (session && load()))

  const issue = async () => {
    const issued = await submit({ body: { name } })
    if (!issued) return
    setName('')
    load()
    const { confirm } = await Taro.showModal({
      title: `${issued.name}的 api_key`,
      content: `${issued.apiKey}\n只显示这一次，请复制后交给合作方；服务器只保存它的摘要。`,
      confirmText: '复制',
      cancelText: '关闭',
    })
    if (confirm) void Taro.setClipboardData({ data: issued.apiKey })
  }
  const revoke = async (p: Partner) => {
    const { confirm } = await Taro.showModal({ title: '停用密钥', content: `确定停用${p.name}的 api_key（尾号 ${p.keyHint}）吗？它之后的上报将一律被拒。` })
    if (!confirm) return
    call(partnersRevoke, { params: { id: p.id } }).then(() => {
      void Taro.showToast({ title: '已停用', icon: 'success' })
      load()
    }, toast)
  }

  return (
    <PageShell
      className={`${pageClass} interop-partners`}
      signedOut={!session}
      loading={!partners && !error}
      error={partners ? undefined : error}
      onRetry={load}
    >
      {() => (
        <>
          <CellGroup title={`合作方（${partners!.length}）`} className='interop-partners__list'>
            {partners!.length === 0 ? (
              <Cell className='interop-partners__none' title='还没有合作方：签发密钥后，合作方即可通过 Open311 接口上报事件' />
            ) : (
              partners!.map((p) => (
                <Cell
                  key={p.id}
                  className='interop-partners__partner'
                  title={p.name}
                  description={[`密钥尾号 ${p.keyHint}`, `${formatTime(p.createdAt)} 签发`, p.revokedAt && `${formatTime(p.revokedAt)} 停用`]
                    .filter(Boolean)
                    .join('\n')}
                  extra={
                    p.revokedAt ? (
                      <Text className='interop-partners__revoked'>已停用</Text>
                    ) : (
                      <Button size='small' className='interop-partners__revoke' onClick={() => void revoke(p)}>
                        停用
                      </Button>
                    )
                  }
                />
              ))
            )}
          </CellGroup>
          <View className='interop-partners__form'>
            <Field label='合作方名称' name='name' error={errors.name}>
              <Input className='interop-partners__name' placeholder='如：12345 市民服务热线' value={name} maxLength={40} onChange={setName} />
            </Field>
            <FieldError message={errors._form} />
          </View>
          <View className='interop-partners__actions'>
            <Button type='primary' className='interop-partners__issue' loading={busy} disabled={busy} onClick={() => void issue()}>
              签发 api_key
            </Button>
          </View>
        </>
      )}
    </PageShell>
  )
}
