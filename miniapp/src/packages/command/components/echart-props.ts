/** What a chart is given: its ECharts option, the GeoJSON maps it draws (by name), what a tap on a feature says. */
export interface EChartProps {
  option: Record<string, unknown>
  maps?: Record<string, unknown>
  className?: string
  /** What the chart shows, in words (read out in place of the canvas). */
  label: string
  onPick?: (name: string) => void
}
