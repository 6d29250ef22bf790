import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { logout, roleSpecs, type Role } from '@linli/shared'
import { call } from '../../api/request'
import { goToLogin, signedOut } from '../../api/session'
import { Avatar, Button, Cell, CellGroup, Switch } from '../../components/nutui'
import { useSession } from '../../components/use-session'
import { largeTextOn, setLargeText, usePageClass } from '../../components/text-size'

/** Ends the account's sessions on the server (every device), then here; offline, it still signs out here. */
async function signOut() {
  await call(logout).catch(() => undefined)
  signedOut()
}

const open = (url: string) => () => void Taro.navigateTo({ url })

export default function Me() {
  const pageClass = usePageClass()
  const session = useSession(false)
  const user = session?.user
  const [large, setLarge] = useState(largeTextOn)
  return (
    <View className={`${pageClass} me`}>
      <CellGroup>
        {user ? (
          <Cell
            title={<Text className='me__name'>{user.name}</Text>}
            description={`编号 ${user.id.slice(-8)}`}
            extra={<Avatar>{user.name.slice(0, 1)}</Avatar>}
          />
        ) : (
          <Cell
            className='me__sign-in'
            title={<Text className='me__name'>未登录</Text>}
            description='登录后查看我的上报、我的预约'
            extra={
              <Button size='small' type='primary' onClick={() => void goToLogin()}>
                登录
              </Button>
            }
          />
        )}
      </CellGroup>
      {user && (
        <CellGroup title='我的角色'>
          {user.roles.map((r) => (
            <Cell key={`${r.role}:${r.scopeId}`} title={roleSpecs[r.role as Role]?.label ?? r.role} extra={r.scopeName} />
          ))}
        </CellGroup>
      )}
      <CellGroup>
        <Cell
          title='大字模式'
          description='关闭时跟随微信设置的字体大小'
          extra={
            <Switch
              className='me__large-text'
              ariaLabel='大字模式'
              checked={large}
              onChange={(on) => {
                setLargeText(on)
                setLarge(on)
              }}
            />
          }
        />
      </CellGroup>
      <CellGroup>
        {user && <Cell title='使用邀请码' description='工作人员凭管理员发放的邀请码开通角色' clickable onClick={open('/pages/invite/index')} />}
        <Cell className='me__agreement' title='用户协议' clickable onClick={open('/packages/legal/agreement/index')} />
        <Cell className='me__privacy' title='隐私政策' description='我们收集什么、为什么、保存多久' clickable onClick={open('/packages/legal/privacy/index')} />
      </CellGroup>
      {user && (
        <View style={{ padding: '24px' }}>
          <Button block className='me__logout' onClick={() => void signOut()}>
            退出登录
          </Button>
          <Text className='muted me__logout-hint'>退出后，本账号在所有设备上的登录都会结束。</Text>
        </View>
      )}
    </View>
  )
}
