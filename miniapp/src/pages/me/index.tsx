import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { logout, roleSpecs, type Role } from '@linli/shared'
import { call } from '../../api/request'
import { clearSession, goToLogin } from '../../api/session'
import { Avatar, Button, Cell, CellGroup } from '../../components/nutui'
import { useSession } from '../../components/use-session'

/** Ends the account's sessions on the server (every device), then here; offline, it still signs out here. */
async function signOut() {
  await call(logout).catch(() => undefined)
  clearSession()
  goToLogin()
}

export default function Me() {
  const session = useSession()
  if (!session) return <View className='page' />
  const { user } = session
  return (
    <View className='page me'>
      <CellGroup>
        <Cell title={<Text className='me__name'>{user.name}</Text>} description={`编号 ${user.id.slice(-8)}`} extra={<Avatar>{user.name.slice(0, 1)}</Avatar>} />
      </CellGroup>
      <CellGroup title='我的角色'>
        {user.roles.map((r) => (
          <Cell key={`${r.role}:${r.scopeId}`} title={roleSpecs[r.role as Role]?.label ?? r.role} extra={r.scopeName} />
        ))}
      </CellGroup>
      <CellGroup>
        <Cell title='使用邀请码' description='工作人员凭管理员发放的邀请码开通角色' clickable onClick={() => Taro.navigateTo({ url: '/pages/invite/index' })} />
      </CellGroup>
      <View style={{ padding: '24px' }}>
        <Button block className='me__logout' onClick={() => void signOut()}>
          退出登录
        </Button>
        <Text className='muted me__logout-hint'>退出后，本账号在所有设备上的登录都会结束。</Text>
      </View>
    </View>
  )
}
