import { useCallback, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { locateGrid, type GridNode } from '@linli/shared'
import { position } from '../../api/location'
import { call } from '../../api/request'
import { Button, Cell, CellGroup } from '../../components/nutui'
import { StateView } from '../../components/state-view'
import './index.scss'
import { usePageClass } from '../../components/text-size'

type Person = NonNullable<GridNode['roster']['gridworker']>

function PersonCell({ title, person }: { title: string; person?: Person }) {
  if (!person) return <Cell title={title} extra='暂未配置' />
  return (
    <Cell
      className='roster-person'
      title={`${title}：${person.name}`}
      description={person.duties}
      extra={
        <Button size='small' type='primary' fill='outline' onClick={() => Taro.makePhoneCall({ phoneNumber: person.phone })}>
          {person.phone}
        </Button>
      }
    />
  )
}

/**
 * 我的网格: the roster card (网格公示) of the grid at the user's location. Coordinates are WGS84 throughout the API,
 * as GeoJSON (RFC 7946) requires; both weapp and the browser can report them. Public: no account needed.
 */
export default function MyGrid() {
  const pageClass = usePageClass()
  const [node, setNode] = useState<GridNode>()
  const [error, setError] = useState('')
  const [loading, setLoading] = useState(false)
  // Opened by someone else, the page shows the grid where they are.
  useShareAppMessage(() => ({ title: '邻里 · 看看我的网格员是谁', path: '/pages/grid/index' }))

  const load = useCallback(async () => {
    setLoading(true)
    setError('')
    try {
      const { lat, lng } = await position('查找你所在的网格')
      setNode(await call(locateGrid, { query: { lat, lng } }))
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setLoading(false)
    }
  }, [])

  useDidShow(() => {
    if (!node) void load()
  })
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!node) return <View className={`${pageClass} grid-page`}>{<StateView loading={loading || !error} error={error} onRetry={load} />}</View>
  const { roster } = node
  return (
    <View className={`${pageClass} grid-page`}>
      <Text className='grid-page__title'>{node.name}</Text>
      <Text className='grid-page__path'>{node.path.map((p) => p.name).join(' › ')}</Text>
      <CellGroup title='网格公示'>
        <PersonCell title='网格员' person={roster.gridworker} />
        <PersonCell title='网格长' person={roster.gridLeader} />
        {roster.households !== undefined && <Cell title='服务住户' extra={`${roster.households} 户`} />}
        {roster.serviceHours && <Cell title='服务时间' extra={roster.serviceHours} />}
      </CellGroup>
      {node.level === 'grid' && (
        <CellGroup>
          <Cell
            className='grid-page__notices'
            title='本网格的通知公告'
            description='绑定你家后，新通知会提醒你'
            onClick={() => void Taro.navigateTo({ url: `/packages/field/notices/index?gridId=${node.id}` })}
          />
        </CellGroup>
      )}
      {error && <Text className='muted'>{error}</Text>}
    </View>
  )
}
