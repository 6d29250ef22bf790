/**
 * A chart drawn by ECharts — in the H5 build only (./echart.h5.tsx: the big screen and the browser). In WeChat the
 * command pages show the same figures as lists: ECharts' smallest map build would take most of a subpackage's 2 MB.
 */
import type { EChartProps } from './echart-props'

export function EChart(_: EChartProps) {
  return null
}
