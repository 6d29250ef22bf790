import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { chinaDate, ratesReport, type RouteResponse } from '@linli/shared'
import { call } from '../../api/request'

type Report = RouteResponse<typeof ratesReport>
const percent = (share: number | undefined) => (share === undefined ? '—' : `${Math.round(share * 100)}%`)

/** 时效: today's 三率 of a dispatcher's level (street or district), read from the counts the clock keeps; again when `round` changes (pull to refresh). */
export function RatesPanel(props: { level: 'street' | 'district'; nodeId: string; round: number }) {
  const [report, setReport] = useState<Report>()
  const [error, setError] = useState('')
  useEffect(() => {
    const today = chinaDate(new Date())
    call(ratesReport, { query: { level: props.level, nodeId: props.nodeId, from: today, to: today } }).then(
      (r) => (setReport(r), setError('')),
      (e: Error) => setError(e.message),
    )
  }, [props.level, props.nodeId, props.round])
  if (error) return <Text className='rates-panel rates-panel--error muted'>时效统计暂时无法读取：{error}</Text>
  if (!report) return null
  const t = report.total
  const figures = [
    ['受理及时率', percent(t.acceptRate)],
    ['派单及时率', percent(t.dispatchRate)],
    ['办结及时率', percent(t.resolveRate)],
    ['满意率', percent(t.satisfactionRate)],
    // What came in today, whether accepted yet or not.
    ['今日上报', String(t.received)],
    ['超时', String(t.overdue)],
    ['上报上级', String(t.escalated)],
    ['延期', String(t.extended)],
  ]
  return (
    <View className='rates-panel'>
      <Text className='rates-panel__title'>今日时效 · {report.name}</Text>
      <View className='rates-panel__figures'>
        {figures.map(([label, value]) => (
          <View key={label} className='rates-panel__figure'>
            <Text className='rates-panel__value'>{value}</Text>
            <Text className='rates-panel__label'>{label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
