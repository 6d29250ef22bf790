import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { redeemInvite, roleSpecs, type Role } from '@linli/shared'
import { updateUser } from '../../api/session'
import { Button, CellGroup, Input } from '../../components/nutui'
import { useSession } from '../../components/use-session'
import { usePageClass } from '../../components/text-size'
import { PageShell } from '../../components/page-shell'
import { useRouteForm } from '../../components/use-route-form'
import { Field, FieldError } from '../../components/field-error'

/** A staff member redeems the invite code an admin gave them and gets the role. */
export default function Invite() {
  const pageClass = usePageClass()
  const session = useSession()
  const [code, setCode] = useState('')
  const { errors, busy, submit } = useRouteForm(redeemInvite)

  const redeem = async () => {
    const user = await submit({ body: { code: code.trim() } })
    if (!user) return
    updateUser(user)
    const granted = user.roles[user.roles.length - 1]
    await Taro.showToast({ title: `已开通${granted ? roleSpecs[granted.role as Role].label : '角色'}`, icon: 'success' })
    await Taro.switchTab({ url: '/pages/index/index' })
  }

  return (
    <PageShell className={`${pageClass} invite`} signedOut={!session}>
      {() => (
        <>
          <CellGroup title='输入 8 位邀请码'>
            <Field label='邀请码' name='code' error={errors.code}>
              <Input className='invite__code' placeholder='例如 K7M2Q9XA' value={code} maxLength={8} onChange={(v) => setCode(v.toUpperCase())} />
            </Field>
          </CellGroup>
          <FieldError message={errors._form} />
          <View style={{ padding: '24px' }}>
            <Button block type='primary' className='invite__submit' loading={busy} onClick={() => void redeem()}>
              确认开通
            </Button>
          </View>
        </>
      )}
    </PageShell>
  )
}
