import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  addDays,
  checkinKindLabels,
  chinaDate,
  chinaInstant,
  weekdayLabels,
  weekdayOf,
  endPatrol,
  getPatrol,
  listCheckins,
  startPatrol,
  visitsReport,
  type CheckinView,
  type GridNode,
  type PatrolView,
  type RouteResponse,
} from '@linli/shared'
import type { Boundary } from '@linli/shared/domain/field/geofence'
import { ApiError, call } from '../../../api/request'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { formatTime, randomId } from '../../../utils/format'
import { Button, Cell, CellGroup } from '../components/nutui'
import { GridMap } from '../../../components/grid-map'
import { fieldGrids, loadGrid } from '../components/my-grid'
import { queued } from '../components/queue'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

const CURRENT = 'linli.patrol'
const toast = (e: unknown) => void Taro.showToast({ title: e instanceof ApiError ? e.message : '网络不可用，请稍后重试', icon: 'none' })

/** A China day's bounds as the check-in list takes them (whatever the phone's zone). */
const dayBounds = (day: string) => ({
  from: chinaInstant(day, '00:00').toISOString(),
  to: new Date(chinaInstant(addDays(day, 1), '00:00').getTime() - 1).toISOString(),
})
const dayLabel = (day: string, today: string) =>
  `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日（${weekdayLabels[weekdayOf(day)]}）${day === today ? ' 今天' : ''}`

/**
 * 巡查打卡: start a patrol, check in along the way, end it; its points draw the route on the grid's map. A grid
 * leader reads the grid's 打卡轨迹 of a chosen day on the same map: everyone's check-ins, or one gridworker's route.
 */
export default function Patrol() {
  const pageClass = usePageClass()
  const session = useSession()
  const binding = fieldGrids(session)[0]
  const leader = binding?.role === 'grid_leader'
  const [grid, setGrid] = useState<GridNode>()
  const [patrol, setPatrol] = useState<PatrolView>()
  const [today, setToday] = useState<CheckinView[]>([])
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [coverage, setCoverage] = useState<RouteResponse<typeof visitsReport>>()
  const todayDate = chinaDate(new Date())
  const [day, setDay] = useState(todayDate)
  const [who, setWho] = useState('')

  /** The day's check-ins: the grid's for its leader, one's own for a gridworker. */
  const loadDay = async (d: string) => {
    const page = await call(listCheckins, { query: { ...(leader ? { gridId: binding!.scopeId } : {}), ...dayBounds(d), limit: 50 } })
    setToday(page.items)
  }
  const pickDay = (d: string) => {
    setDay(d)
    setWho('')
    loadDay(d).catch((e) => toast(e))
  }

  const load = async () => {
    if (!binding) return
    setError('')
    try {
      setGrid(await loadGrid(binding.scopeId))
      const current = Taro.getStorageSync(CURRENT) as string
      setPatrol(current ? await call(getPatrol, { params: { id: current } }) : undefined)
      await loadDay(day)
      if (leader) setCoverage(await call(visitsReport, { query: { gridId: binding.scopeId, month: chinaDate(new Date()).slice(0, 7) } }))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败，请检查网络')
    }
  }
  useDidShow(() => void load())

  const start = async () => {
    setBusy(true)
    try {
      const id = randomId()
      const started = await call(startPatrol, { params: { id }, body: { gridId: binding!.scopeId } })
      Taro.setStorageSync(CURRENT, id)
      setPatrol({ ...started, points: [] })
    } catch (e) {
      toast(e)
    } finally {
      setBusy(false)
    }
  }
  const end = async () => {
    const { confirm } = await Taro.showModal({ title: '结束巡查', content: `本次巡查共 ${patrol!.points?.length ?? 0} 个打卡点，确定结束吗？` })
    if (!confirm) return
    setBusy(true)
    try {
      await call(endPatrol, { params: { id: patrol!.id }, body: {} })
      Taro.removeStorageSync(CURRENT)
      void Taro.showToast({ title: '巡查已结束', icon: 'success' })
      await load()
    } catch (e) {
      toast(e)
    } finally {
      setBusy(false)
    }
  }
  const checkIn = (kind: 'patrol' | 'duty') =>
    void Taro.navigateTo({ url: `/packages/field/checkin/index?kind=${kind}${kind === 'patrol' ? `&patrolId=${patrol!.id}` : ''}&gridId=${binding!.scopeId}` })

  return (
    <PageShell
      className={`${pageClass} patrol`}
      signedOut={!session}
      empty={binding ? undefined : '你还不是网格员，不能巡查打卡'}
      loading={Boolean(binding) && !grid && !error}
      error={grid ? undefined : error}
      onRetry={load}
    >
      {() => {
        if (!binding || !grid) return null
        const patrolling = !!patrol && !patrol.endedAt
        // One gridworker's check-ins of the day, in the order they were made, are their route.
        const shown = who ? today.filter((c) => c.userId === who).sort((a, b) => a.capturedAt.localeCompare(b.capturedAt)) : today
        const route = patrolling ? (patrol.points ?? []) : shown
        const people = [...new Map(today.map((c) => [c.userId, c.userName])).entries()]
        const waiting = queued().filter((q) => !q.refused).length
        return (
          <>
            <GridMap
              boundary={grid.boundary as Boundary}
              points={route.map((c) => ({ lat: c.lat, lng: c.lng, label: formatTime(c.capturedAt) }))}
              route={patrolling || !!who}
              label={`${grid.name}边界与${patrolling ? '巡查轨迹' : who ? `${people.find(([id]) => id === who)?.[1] ?? ''}的轨迹` : `${dayLabel(day, todayDate)}的打卡点`}`}
            />
            {patrol && !patrol.endedAt ? (
              <CellGroup title={`巡查中 · ${grid.name}`}>
                <Cell
                  className='patrol__current'
                  title={`开始于 ${formatTime(patrol.startedAt)}`}
                  description={`已打卡 ${patrol.points?.length ?? 0} 个点${waiting ? `，另有 ${waiting} 条待补传` : ''}`}
                />
                <View className='patrol__actions'>
                  <Button type='primary' className='patrol__checkin' onClick={() => checkIn('patrol')}>
                    巡查点打卡
                  </Button>
                  <Button className='patrol__end' loading={busy} onClick={end}>
                    结束巡查
                  </Button>
                </View>
              </CellGroup>
            ) : (
              <View className='patrol__actions'>
                <Button type='primary' className='patrol__start' loading={busy} onClick={start}>
                  开始巡查
                </Button>
                <Button className='patrol__duty' onClick={() => checkIn('duty')}>
                  值守打卡
                </Button>
              </View>
            )}
            {coverage && (
              <CellGroup title='本月走访覆盖'>
                <Cell className='patrol__overdue' title='此刻逾期未访' extra={`${coverage.overdueNow} 户`} />
                {coverage.people.map((p) => (
                  <Cell key={p.userId} className='patrol__coverage' title={p.userName} extra={`走访 ${p.visits} 户次，其中到期应访 ${p.dueVisits}`} />
                ))}
              </CellGroup>
            )}
            {leader && (
              <View className='patrol__day'>
                <Button size='small' className='patrol__prev' onClick={() => pickDay(addDays(day, -1))}>
                  前一天
                </Button>
                <Text className='patrol__date'>{dayLabel(day, todayDate)}</Text>
                {/* No day after today: the button is not there rather than greyed (a greyed one is unreadable). */}
                {day < todayDate && (
                  <Button size='small' className='patrol__next' onClick={() => pickDay(addDays(day, 1))}>
                    后一天
                  </Button>
                )}
              </View>
            )}
            {leader && people.length > 0 && (
              <View className='patrol__people'>
                {[['', '全部'] as const, ...people].map(([id, name]) => (
                  <Button key={id} size='small' className='patrol__person' type={who === id ? 'primary' : 'default'} onClick={() => setWho(id)}>
                    {name}
                  </Button>
                ))}
              </View>
            )}
            <CellGroup title={leader ? `${grid.name} · ${dayLabel(day, todayDate)}的打卡` : '我今日的打卡'}>
              {shown.length ? (
                shown.map((c) => (
                  <Cell
                    key={c.id}
                    className='patrol__item'
                    title={`${checkinKindLabels[c.kind]} · ${formatTime(c.capturedAt)}${c.late ? '（补传）' : ''}`}
                    description={[leader ? c.userName : '', c.note].filter(Boolean).join('：') || undefined}
                  />
                ))
              ) : (
                <Text className='patrol__empty'>{day === todayDate ? '今天还没有打卡' : '这一天没有打卡'}</Text>
              )}
            </CellGroup>
          </>
        )
      }}
    </PageShell>
  )
}
