import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { roleSpecs, type Role } from '@linli/shared'
import { devPersonas, signInWithWechat, type Persona } from '../../api/auth'
import { pageUrl, recordAgreement, TAB_PAGES } from '../../api/session'
import { Button, Cell, CellGroup, Checkbox } from '../../components/nutui'
import './index.scss'
import { usePageClass } from '../../components/text-size'

const HOME = TAB_PAGES[0]!

/**
 * Back to where the user was (a page of this app only): the page underneath when it is that one (kept as it was),
 * a tab switched to, else the page opened in place of this one; home when there was nowhere.
 */
function returnTo(back: string | undefined) {
  const url = back && decodeURIComponent(back)
  if (!url || !url.startsWith('/') || url.startsWith('/pages/login/')) return Taro.switchTab({ url: HOME })
  if (pageUrl(Taro.getCurrentPages().at(-2)) === url) return Taro.navigateBack()
  return TAB_PAGES.includes(url.split('?')[0]!) ? Taro.switchTab({ url: url.split('?')[0]! }) : Taro.redirectTo({ url })
}

/** 暂不登录: back to the page the user came from, or home; they keep browsing what needs no account. */
const decline = () => (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.switchTab({ url: HOME }))

const openLegal = (page: 'agreement' | 'privacy') => void Taro.navigateTo({ url: `/packages/legal/${page}/index` })

export default function Login() {
  const pageClass = usePageClass()
  const { back } = useRouter().params
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [agreed, setAgreed] = useState(false)
  const [personas, setPersonas] = useState<Persona[]>([])

  useEffect(() => {
    if (process.env.TARO_ENV === 'h5' && devPersonas) devPersonas.list().then(setPersonas, () => setError('无法读取演示身份'))
  }, [])

  const run = async (signIn: () => Promise<unknown>) => {
    if (!agreed) {
      setError('请先阅读并勾选同意《用户协议》和《隐私政策》')
      return
    }
    setBusy(true)
    setError('')
    try {
      await signIn()
      recordAgreement()
      await returnTo(back)
    } catch (e) {
      setError((e as Error).message || '登录失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className={`${pageClass} login`}>
      <Text className='login__brand'>邻里</Text>
      <Text className='login__slogan'>有事找网格，件件有回音</Text>
      <Text className='login__why'>登录后可以上报问题、预约说事、确认通知；不登录也可以浏览首页、我的网格、说事室和社区通知。</Text>
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
      <Button block fill='none' className='login__decline' onClick={() => void decline()}>
        暂不登录
      </Button>
      <View className='login__agreement'>
        <Checkbox className='login__agree' checked={agreed} onChange={setAgreed} label='我已阅读并同意' />
        <Text className='login__link login__link--agreement' onClick={() => openLegal('agreement')}>
          《用户协议》
        </Text>
        <Text>和</Text>
        <Text className='login__link login__link--privacy' onClick={() => openLegal('privacy')}>
          《隐私政策》
        </Text>
      </View>
      {error && <Text className='login__error'>{error}</Text>}
    </View>
  )
}
