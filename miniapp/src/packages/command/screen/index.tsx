import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  chinaDate,
  commandCasesExport,
  commandCategories,
  commandMap,
  permits,
  commandOverview,
  commandPoints,
  commandRankings,
  commandTrends,
  rankedLevels,
} from '@linli/shared'
import { ApiError, call, fileRequest } from '../../../api/request'
import { download } from '../../../api/files'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { formatTime } from '../../../utils/format'
import { GradeMap, TrendPanel } from './charts'
import {
  GradeLegend,
  GridCard,
  InHandPanel,
  KindsPanel,
  Panel,
  RankingPanel,
  RatesPanel,
  TodayPanels,
  UnitsPanel,
  WarnedPanel,
  type GridMap,
  type InHand,
  type Kinds,
  type Level,
  type Overview,
  type Points,
  type Rankings,
  type Trends,
} from './panels'
import './screen.scss'

/** The figures are read again this often (a cheap read of counters: see DESIGN.md §3 "Command centre"). */
const REFRESH_MS = 30_000

/**
 * 指挥中心: the district (or the street) a dispatcher or admin watches — today's figures, 在办 正常/超期, the 三率, its
 * grids on one map coloured by their five-colour grade (each with its reasons), the units below, and the month's
 * ranking. Read again every 30 s with no touch needed, so it can stay up on a wall (1920 × 1080, dark) or a phone.
 */
export default function CommandScreen() {
  const session = useSession()
  const [overview, setOverview] = useState<Overview>()
  const [map, setMap] = useState<GridMap>()
  const [rankings, setRankings] = useState<Rankings>()
  const [trends, setTrends] = useState<Trends>()
  const [kinds, setKinds] = useState<Kinds>()
  const [points, setPoints] = useState<Points>()
  const [level, setLevel] = useState<Level>('grid')
  const [picked, setPicked] = useState<string>()
  // The cases in hand a headline tile opened (for those who may drill into cases).
  const [inHand, setInHand] = useState<InHand>()
  // A street of the district opened from its row (undefined: the caller's own level).
  const [nodeId, setNodeId] = useState<string>()
  const [error, setError] = useState('')
  const month = chinaDate(new Date()).slice(0, 7)
  const mayDrill = !!session && permits(session.user.roles, session.user.districtId, 'command.points')

  const load = async () => {
    try {
      // The cases' points only for those who may drill into them (an admin sees the grades, not where the cases are).
      const [o, m, r, t, k, p] = await Promise.all([
        call(commandOverview, { query: { nodeId } }),
        call(commandMap, { query: { nodeId } }),
        call(commandRankings, { query: { nodeId, level, month } }),
        call(commandTrends, { query: { nodeId } }),
        call(commandCategories, { query: { nodeId, month } }),
        mayDrill ? call(commandPoints, { query: { nodeId } }) : undefined,
      ])
      setOverview(o)
      setMap(m)
      setRankings(r)
      setTrends(t)
      setKinds(k)
      setPoints(p)
      setError('')
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '读取失败，请稍后重试')
    }
  }
  useEffect(() => {
    if (!session) return
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => clearInterval(timer)
  }, [Boolean(session), level, nodeId])

  // A street's own view ranks its grids (streets and departments are ranked at the district).
  const openStreet = (id: string) => {
    setLevel('grid')
    setNodeId(id)
  }
  // The export carries the cases themselves: offered to those who may drill into them (not to admins).
  const mayExport = !!session && permits(session.user.roles, session.user.districtId, 'command.export')
  const maySet = !!session && permits(session.user.roles, session.user.districtId, 'command.settings')
  const exportMonth = () => {
    const { url, header } = fileRequest(commandCasesExport, {})
    const query = `from=${month}-01&to=${chinaDate(new Date())}${nodeId ? `&nodeId=${nodeId}` : ''}`
    download(`${url}?${query}`, header, `${overview?.node.name ?? ''}${month}事件.xlsx`, 'xlsx').catch(
      (e: Error) => void Taro.showModal({ title: '导出失败', content: e.message, showCancel: false, confirmText: '知道了' }),
    )
  }
  const openCase = (id: string) => void Taro.navigateTo({ url: `/packages/case/detail/index?id=${id}` })
  const openGrid = (g: { id: string; name: string }) =>
    void Taro.navigateTo({ url: `/packages/case/list/index?view=grid&scopeId=${g.id}&name=${encodeURIComponent(g.name)}` })
  const levels = rankedLevels.filter((l) => overview?.node.level === 'district' || l === 'grid')
  const grid = map?.grids.find((g) => g.id === picked)

  return (
    <PageShell className='command-screen' signedOut={!session} loading={!overview && !error} error={overview ? undefined : error} onRetry={() => void load()}>
      {() => (
        <>
          <View className='command-screen__head'>
            <Text className='command-screen__title'>{overview!.node.name} 指挥中心</Text>
            {mayExport ? (
              <Text className='command-screen__export' onClick={exportMonth}>
                导出本月事件（Excel）
              </Text>
            ) : null}
            {maySet ? (
              <Text className='command-screen__settings' onClick={() => void Taro.navigateTo({ url: '/packages/command/settings/index' })}>
                评分与预警规则
              </Text>
            ) : null}
            {nodeId ? (
              <Text className='command-screen__back' onClick={() => setNodeId(undefined)}>
                ‹ 返回全区
              </Text>
            ) : null}
            <Text className='command-screen__time'>
              数据更新于 {formatTime(overview!.asOf)}（北京时间），每 30 秒自动刷新{error ? `；最近一次刷新失败：${error}` : ''}
            </Text>
          </View>
          <View className='command-screen__body'>
            <View className='command-screen__column'>
              <TodayPanels
                overview={overview!}
                onInHand={mayDrill ? setInHand : undefined}
                inHandList={inHand && points ? <InHandPanel which={inHand} points={points} onOpen={openCase} onClose={() => setInHand(undefined)} /> : null}
              />
            </View>

            <View className='command-screen__column command-screen__column--map'>
              <Panel title='一张图 · 五色预警'>
                <GradeMap
                  map={map!}
                  points={points?.points ?? []}
                  onPick={(name) => {
                    // A case's point opens the case; a grid opens its card.
                    const c = points?.points.find((x) => x.number === name)
                    if (c) openCase(c.id)
                    else setPicked(name)
                  }}
                />
                {points?.points.length ? (
                  <Text className='command-note'>
                    图上白点为在办事件，红点为已超办结时限，带数字的圆点为该处的件数{points.capped ? '（每种状态只画最近变动的 150 件）' : ''}；紫色标记为说事室
                  </Text>
                ) : null}
                <GradeLegend map={map!} />
                {grid ? <GridCard grid={grid} onOpen={openGrid} /> : null}
              </Panel>
              <WarnedPanel map={map!} onPick={setPicked} />
              <KindsPanel kinds={kinds} onOpen={openGrid} />
              <UnitsPanel overview={overview!} onOpen={(u) => (overview!.node.level === 'district' ? openStreet(u.id) : openGrid(u))} />
            </View>

            <View className='command-screen__column'>
              <RatesPanel rates={overview!.rates} />
              <RankingPanel month={month} rankings={rankings} level={level} levels={levels} onLevel={setLevel} />
              {trends ? <TrendPanel trends={trends} /> : null}
            </View>
          </View>
        </>
      )}
    </PageShell>
  )
}
