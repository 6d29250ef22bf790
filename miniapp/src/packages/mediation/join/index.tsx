import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { joinBooking } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { useSession } from '../../../components/use-session'
import { Button, CellGroup, Input } from '../components/nutui'
import { PageShell } from '../../../components/page-shell'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

/** The other party joins a booking with its invite code (from a shared card, or typed in). */
export default function Join() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const [code, setCode] = useState((params.code ?? '').toUpperCase())
  const [phone, setPhone] = useState('')
  const [busy, setBusy] = useState(false)

  const join = () => {
    const consent = askSubscribe(['booking_status', 'booking_reminder']) // inside the tap, before any await
    setBusy(true)
    Promise.all([call(joinBooking, { body: { code: code.trim().toUpperCase(), ...(phone ? { contactPhone: phone } : {}) } }), consent])
      .then(([b]) => (void tellConsent(consent, '“我的预约”'), Taro.redirectTo({ url: `/packages/mediation/booking/index?id=${b.id}` })))
      .catch((e: ApiError) => void Taro.showToast({ title: e.fields?.[0]?.message ?? e.message, icon: 'none' }))
      .finally(() => setBusy(false))
  }

  return (
    <PageShell className={`${pageClass} join`} signedOut={!session}>
      {() => {
        return (
          <>
            <Text className='join__intro'>对方邀请你到说事室，由调解员主持，双方坐下来把事情说开。加入后你会看到时间和地点，也可以选择不参加。</Text>
            <CellGroup>
              <Input className='join__code' value={code} onChange={(v) => setCode(v.toUpperCase())} maxLength={8} placeholder='8 位邀请码' />
              <Input className='join__phone' type='number' value={phone} onChange={setPhone} maxLength={11} placeholder='你的联系电话（选填，仅调解员可见）' />
            </CellGroup>
            <View className='join__submit'>
              <Button block type='primary' loading={busy} disabled={code.trim().length !== 8} onClick={join}>
                加入预约
              </Button>
            </View>
          </>
        )
      }}
    </PageShell>
  )
}
