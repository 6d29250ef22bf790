import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { joinBooking } from '@linli/shared'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { useSession } from '../../../components/use-session'
import { Button, CellGroup, Input } from '../components/nutui'
import { PageShell } from '../../../components/page-shell'
import { useRouteForm } from '../../../components/use-route-form'
import { Field, FieldError } from '../../../components/field-error'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

/** The other party joins a booking with its invite code (from a shared card, or typed in). */
export default function Join() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const [code, setCode] = useState((params.code ?? '').toUpperCase())
  const [phone, setPhone] = useState('')
  const { errors, busy, submit } = useRouteForm(joinBooking)

  const join = async () => {
    const consent = askSubscribe(['booking_status', 'booking_reminder']) // inside the tap, before any await
    const [b] = await Promise.all([submit({ body: { code: code.trim().toUpperCase(), ...(phone ? { contactPhone: phone } : {}) } }), consent])
    if (!b) return
    void tellConsent(consent, '“我的预约”')
    void Taro.redirectTo({ url: `/packages/mediation/booking/index?id=${b.id}` })
  }

  return (
    <PageShell className={`${pageClass} join`} signedOut={!session}>
      {() => {
        return (
          <>
            <Text className='join__intro'>对方邀请你到说事室，由调解员主持，双方坐下来把事情说开。加入后你会看到时间和地点，也可以选择不参加。</Text>
            <CellGroup>
              <Field label='邀请码' name='code' error={errors.code}>
                <Input className='join__code' value={code} onChange={(v) => setCode(v.toUpperCase())} maxLength={8} placeholder='8 位邀请码' />
              </Field>
              <Field label='联系电话' name='contactPhone' error={errors.contactPhone}>
                <Input className='join__phone' type='number' value={phone} onChange={setPhone} maxLength={11} placeholder='选填，仅调解员可见' />
              </Field>
            </CellGroup>
            <FieldError message={errors._form} />
            <View className='join__submit'>
              <Button block type='primary' loading={busy} onClick={() => void join()}>
                加入预约
              </Button>
            </View>
          </>
        )
      }}
    </PageShell>
  )
}
