/**
 * ECharts in the browser (the H5 build: the big screen and a PC), from a custom build of only what the command centre
 * draws (the grids as a geo map with the cases as points, bar and line charts). Resizes with its box; a tap on a feature names it.
 */
import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { EChartProps } from './echart-props'

echarts.use([GeoComponent, ScatterChart, BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

export function EChart({ option, maps, className, label, onPick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts>()
  const pick = useRef(onPick)
  pick.current = onPick
  useEffect(() => {
    if (!box.current) return
    const c = echarts.init(box.current, undefined, { renderer: 'canvas' })
    chart.current = c
    c.on('click', (p) => pick.current?.(String(p.name)))
    const resized = new ResizeObserver(() => c.resize())
    resized.observe(box.current)
    return () => {
      resized.disconnect()
      c.dispose()
    }
  }, [])
  useEffect(() => {
    for (const [name, geoJson] of Object.entries(maps ?? {})) echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1])
    chart.current?.setOption(option, true)
  }, [option, maps])
  return <div ref={box} className={className} role='img' aria-label={label} />
}
