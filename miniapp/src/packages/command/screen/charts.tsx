/** The command centre's charts (ECharts in the browser; WeChat's build draws none): the grade map and the trend. */
import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { gradeLabels } from '@linli/shared'
import { EChart } from '../components/echart'
import { GRADE_COLOURS, SCREEN_COLOURS as C } from '../components/screen-palette'
import { Panel, patrolOf, percent, type GridMap, type Points, type Trends } from './panels'

/** The grids coloured by grade, drawn from their GeoJSON (no tiles), the open cases and the rooms on them; a tap opens the grid's card. */
export function GradeMap({ map, points, onPick }: { map: GridMap; points: Points['points']; onPick: (name: string) => void }) {
  const name = `linli-${map.node.id}`
  const maps = useMemo(
    () => ({
      [name]: {
        type: 'FeatureCollection',
        features: map.grids.filter((g) => g.boundary).map((g) => ({ type: 'Feature', properties: { id: g.id, name: g.name }, geometry: g.boundary })),
      },
    }),
    [map],
  )
  const names = Object.fromEntries(map.grids.map((g) => [g.id, g.name]))
  // On a phone's width the grids' names would run into each other: the wall shows them, the phone's tooltip does.
  const wide = typeof window !== 'undefined' && window.innerWidth >= 1280
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { componentType: string; seriesName?: string; name: string }) => {
          if (p.seriesName === 'rooms') return `说事室：${p.name}`
          if (p.componentType !== 'geo') {
            const c = points.find((x) => x.number === p.name)
            return c ? `${c.number} ${c.categoryName}${c.late ? '（已超办结时限）' : ''}` : ''
          }
          const g = map.grids.find((x) => x.id === p.name)
          return g
            ? `${g.name}：${gradeLabels[g.grade]}<br/>在办 ${g.open}，超期 ${g.openOverdue}<br/>${patrolOf(g)}${g.reasons.length ? '<br/>' + g.reasons.join('；') : ''}`
            : ''
        },
      },
      geo: {
        map: name,
        nameProperty: 'id',
        selectedMode: false,
        label: { show: wide, color: C.text, fontSize: 12, formatter: (p: { name: string }) => names[p.name] ?? '' },
        itemStyle: { borderColor: C.border, borderWidth: 1 },
        emphasis: { label: { color: C.text }, itemStyle: { borderColor: C.text, borderWidth: 2 } },
        regions: map.grids.map((g) => ({ name: g.id, itemStyle: { areaColor: GRADE_COLOURS[g.grade] } })),
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 9,
          data: points.map((c) => ({ name: c.number, value: [c.lng, c.lat], itemStyle: { color: c.late ? GRADE_COLOURS.red : C.text } })),
        },
        {
          name: 'rooms',
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'pin',
          symbolSize: 22,
          itemStyle: { color: C.room, borderColor: C.text, borderWidth: 1 },
          data: map.rooms.map((r) => ({ name: r.name, value: [r.lng, r.lat] })),
        },
      ],
    }),
    [map, points, wide],
  )
  const late = points.filter((c) => c.late).length
  const patrolled = map.grids.filter((g) => g.checkinsToday > 0).length
  return (
    <EChart
      className='command-map'
      option={option}
      maps={maps}
      label={`${map.node.name}网格五色预警图，在办事件 ${points.length} 件（超办结时限 ${late} 件），今日巡查网格 ${patrolled}/${map.grids.length} 个，说事室 ${map.rooms.length} 处`}
      onPick={onPick}
    />
  )
}

/** 30 days of cases received and resolved (a chart in the browser), and 12 months (a table in WeChat, which draws no chart). */
export function TrendPanel({ trends }: { trends: Trends }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['受理', '办结'], top: 0, textStyle: { color: C.text } },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: trends.days.map((d) => d.day.slice(5)), axisLabel: { color: C.text } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: C.text } },
      series: [
        { name: '受理', type: 'bar', data: trends.days.map((d) => d.received), itemStyle: { color: C.border } },
        { name: '办结', type: 'line', data: trends.days.map((d) => d.resolved), itemStyle: { color: GRADE_COLOURS.green } },
      ],
    }),
    [trends],
  )
  const total = trends.days.reduce((n, d) => ({ received: n.received + d.received, resolved: n.resolved + d.resolved }), { received: 0, resolved: 0 })
  return (
    <Panel title='趋势'>
      <Text className='command-note'>
        近 30 天受理 {total.received} 件，办结 {total.resolved} 件
      </Text>
      <EChart className='command-trend' option={option} label={`近 30 天每日受理与办结件数：受理 ${total.received} 件，办结 ${total.resolved} 件`} />
      {process.env.TARO_ENV === 'h5'
        ? null
        : trends.months
            .filter((m) => m.received || m.resolved)
            .map((m) => (
              <View key={m.month} className='command-unit'>
                <Text className='command-unit__name'>{m.month.replace('-', ' 年 ')} 月</Text>
                <Text>受理 {m.received}</Text>
                <Text>办结 {m.resolved}</Text>
                <Text>及时率 {percent(m.resolveRate)}</Text>
              </View>
            ))}
    </Panel>
  )
}
