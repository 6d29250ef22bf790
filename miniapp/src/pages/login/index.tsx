import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleSpecs, type Role } from '@linli/shared'
import { devPersonas, signInWithWechat, type Persona } from '../../api/auth'
import { Button, Cell, CellGroup } from '../../components/nutui'
import './index.scss'

const home = () => Taro.switchTab({ url: '/pages/index/index' })

export default function Login() {
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
      await home()
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
