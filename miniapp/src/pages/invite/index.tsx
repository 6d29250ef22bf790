import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { redeemInvite, inviteCodeSchema, roleSpecs, type Role } from '@linli/shared'
import { call } from '../../api/request'
import { updateUser } from '../../api/session'
import { Button, CellGroup, Input } from '../../components/nutui'
import { useSession } from '../../components/use-session'
import { usePageClass } from '../../components/text-size'

/** A staff member redeems the invite code an admin gave them and gets the role. */
export default function Invite() {
  const pageClass = usePageClass()
  useSession()
  const [code, setCode] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const parsed = inviteCodeSchema.safeParse(code)
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? '邀请码格式不正确')
    setBusy(true)
    setError('')
    try {
      const user = await call(redeemInvite, { body: { code: parsed.data } })
      updateUser(user)
      const granted = user.roles[user.roles.length - 1]
      await Taro.showToast({ title: `已开通${granted ? roleSpecs[granted.role as Role].label : '角色'}`, icon: 'success' })
      await Taro.switchTab({ url: '/pages/index/index' })
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className={`${pageClass} invite`}>
      <CellGroup title='输入 8 位邀请码'>
        <Input className='invite__code' placeholder='例如 K7M2Q9XA' value={code} maxLength={8} onChange={(v) => setCode(v.toUpperCase())} />
      </CellGroup>
      {error && (
        <Text className='invite__error' style={{ color: 'var(--nutui-color-danger)', padding: '0 32px' }}>
          {error}
        </Text>
      )}
      <View style={{ padding: '24px' }}>
        <Button block type='primary' loading={busy} onClick={submit}>
          确认开通
        </Button>
      </View>
    </View>
  )
}
