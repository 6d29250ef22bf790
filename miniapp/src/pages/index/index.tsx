import { useState } from 'react'
import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { me, roleSpecs, type StaffRole } from '@linli/shared'
import { call } from '../../api/request'
import { getSession, goToLogin, updateUser } from '../../api/session'
import { Button, Grid, GridItem, NoticeBar } from '../../components/nutui'
import { RoleTags } from '../../components/role-tags'
import { useSession } from '../../components/use-session'
import { residentEntries, workbench, workbenchTemplates, type Entry } from './entries'
import { GrantsPanel } from './grants-panel'
import { RatesPanel } from './rates-panel'
import './index.scss'
import { usePageClass } from '../../components/text-size'

const open = (entry: Entry) => (entry.tab ? Taro.switchTab({ url: entry.url }) : Taro.navigateTo({ url: entry.url }))

function EntryGrid({ entries }: { entries: Entry[] }) {
  return (
    <Grid columns={4}>
      {entries.map((e) => (
        <GridItem key={e.key} className={`entry entry--${e.key}`} text={e.text} onClick={() => open(e)}>
          <e.icon className='entry__icon' size={26} color='var(--nutui-color-primary)' />
        </GridItem>
      ))}
    </Grid>
  )
}

/**
 * Home: resident services for everyone, and a workbench per staff role binding. A visitor who has not signed in sees
 * the services too; those that need an account ask for it when tapped.
 */
export default function Home() {
  const pageClass = usePageClass()
  const session = useSession(false)
  useShareAppMessage(() => ({ title: '邻里 · 有事找网格，件件有回音', path: '/pages/index/index' }))

  // Pull to refresh reads again what the page shows: the user and their roles, and each workbench's panels (`round`).
  const [round, setRound] = useState(0)
  usePullDownRefresh(async () => {
    setRound((r) => r + 1)
    try {
      if (getSession()) updateUser(await call(me))
    } catch {
      // Offline or a failed read: the page keeps what it showed, and says so.
      void Taro.showToast({ title: '刷新失败，请稍后再试', icon: 'none' })
    } finally {
      Taro.stopPullDownRefresh()
    }
  })

  const user = session?.user
  const staff = (user?.roles ?? []).filter((r) => r.role !== 'resident' && workbench[r.role as StaffRole].length)

  return (
    <View className={`${pageClass} home`}>
      {user ? (
        <View className='home__header'>
          <Text className='home__hello'>你好，{user.name}</Text>
          <Text className='home__district'>{user.roles[0]?.scopeName}</Text>
          <RoleTags roles={user.roles} />
        </View>
      ) : (
        <View className='home__header'>
          <Text className='home__hello'>你好，欢迎来到邻里</Text>
          <Text className='home__district'>不登录也可以看看；上报、预约时再登录</Text>
          <Button size='small' type='primary' className='home__sign-in' onClick={() => void goToLogin()}>
            登录
          </Button>
        </View>
      )}
      <NoticeBar content='遇到问题随手拍，网格员和职能部门及时处理，办结后请为我们评价。' />
      <Text className='section-title'>居民服务</Text>
      <EntryGrid entries={residentEntries} />
      {staff.map((binding) => (
        <View key={`${binding.role}:${binding.scopeId}`} className={`workbench workbench--${binding.role}`}>
          <Text className='section-title'>{roleSpecs[binding.role as StaffRole].label}工作台</Text>
          <Text className='home__workbench-scope'>{binding.scopeName}</Text>
          <EntryGrid entries={workbench[binding.role as StaffRole]} />
          <GrantsPanel templates={workbenchTemplates[binding.role as StaffRole]} round={round} />
          {binding.role === 'dispatcher' && (
            <RatesPanel level={binding.scopeId === user!.districtId ? 'district' : 'street'} nodeId={binding.scopeId} round={round} />
          )}
        </View>
      ))}
    </View>
  )
}
