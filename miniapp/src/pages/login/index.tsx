import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleSpecs, type Role } from '@linli/shared'
import { devPersonas, signInWithWechat, type Persona } from '../../api/auth'
import { Button, Cell, CellGroup } from '../../components/nutui'
import './index.scss'

const TABS = ['/pages/index/index', '/pages/grid/index', '/pages/me/index']

/** Where the user was before signing in (a page of this app only), else home; a tab page is switched to. */
function returnTo(back: string | undefined) {
  const url = back && decodeURIComponent(back)
  if (!url || !url.startsWith('/') || url.startsWith('/pages/login/')) return Taro.switchTab({ url: TABS[0]! })
  return TABS.includes(url.split('?')[0]!) ? Taro.switchTab({ url: url.split('?')[0]! }) : Taro.reLaunch({ url })
}

export default function Login() {
  const { back } = useRouter().params
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [personas, setPersonas] = useState<Persona[]>([])

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5' && devPersonas) devPersonas.list().then(setPersonas, () => setError('无法读取演示身份'))
  }, [])

  const run = async (signIn: () => Promise<unknown>) => {
    setBusy(true)
    setError('')
    try {
      await signIn()
      await returnTo(back)
    } catch (e) {
      setError((e as Error).message || '登录失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page login'>
      <Text className='login__brand'>邻里</Text>
      <Text className='login__slogan'>有事找网格，件件有回音</Text>
      {process.env.TARO_ENV !== 'h5' && (
        <Button block type='primary' loading={busy} onClick={() => run(signInWithWechat)} className='login__wechat'>
          微信一键登录
        </Button>
      )}
      {process.env.TARO_ENV === 'h5' && devPersonas && (
        <CellGroup title='选择演示身份（仅本地环境）' className='persona-picker'>
          {personas.map((p) => (
            <Cell
              key={p.openid}
              className='persona'
              title={p.name}
              description={p.title}
              extra={roleSpecs[p.role as Role]?.label ?? p.role}
              clickable
              onClick={() => !busy && run(() => devPersonas!.signIn(p.openid))}
            />
          ))}
        </CellGroup>
      )}
      {error && <Text className='login__error'>{error}</Text>}
    </View>
  )
}
