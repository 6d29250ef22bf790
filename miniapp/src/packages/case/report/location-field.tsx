import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import gcoord from 'gcoord'
import { gridTree, locateGrid, type TreeNode } from '@linli/shared'
import { position } from '../../../api/location'
import { ApiError, call } from '../../../api/request'
import { FieldError, type Errors } from '../../../components/field-error'
import { Button, Cascader, Cell, Input } from '../components/nutui'
import type { Draft } from './draft'

type CascaderValue = (string | number)[]
type CascaderNode = { text?: string; value?: string | number; children?: unknown[] }

/** The district's streets → communities → grids, as the Cascader takes them. */
interface GridOption {
  text: string
  value: string
  children?: GridOption[]
}
const options = (node: TreeNode): GridOption =>
  node.level === 'grid'
    ? { text: node.name, value: node.id }
    : { text: node.name, value: node.id, children: node.children.filter((c) => c.level !== 'building').map(options) }

/**
 * 问题位置, in words: the grid the point falls in and, after the user moved the pin (chooseLocation, weapp), the
 * place's name. Without a location (refused, or no signal) the user picks the grid from the district's tree and types
 * the address instead; the server takes either.
 */
export function LocationField(props: {
  draft: Draft
  update: (change: Partial<Draft>) => void
  errors: Errors
  setError: (name: string, message: string) => void
}) {
  const { draft, update, errors } = props
  const [locating, setLocating] = useState(false)
  const [tree, setTree] = useState<GridOption[]>()
  const [picking, setPicking] = useState(false)

  /** The point's grid by name (its street and community above it). */
  const place = async (lat: number, lng: number, name?: string) => {
    update({ location: { lat, lng }, grid: undefined, place: name })
    try {
      const node = await call(locateGrid, { query: { lat, lng } })
      const grid = node.level === 'grid' ? node : node.path.find((p) => p.level === 'grid')
      update({ location: { lat, lng }, grid: grid && { id: grid.id, name: grid.name }, place: name })
    } catch (e) {
      props.setError('location', e instanceof ApiError && e.status === 400 ? '该位置不在本辖区的网格内，请调整位置或选择网格' : '网格查询失败，提交时会再确认')
    }
  }

  const locate = async () => {
    setLocating(true)
    try {
      const { lat, lng } = await position('标注问题的位置')
      await place(lat, lng)
    } catch (e) {
      props.setError('location', `${(e as Error).message}。也可以选择所在网格并填写地址`)
    } finally {
      setLocating(false)
    }
  }

  /** weapp: WeChat's map to move the pin; it answers in GCJ-02, the API takes WGS84. */
  const movePin = async () => {
    try {
      const at = draft.location && gcoord.transform([draft.location.lng, draft.location.lat], gcoord.WGS84, gcoord.GCJ02)
      const chosen = await Taro.chooseLocation(at ? { longitude: at[0], latitude: at[1] } : {})
      const [lng, lat] = gcoord.transform([chosen.longitude, chosen.latitude], gcoord.GCJ02, gcoord.WGS84)
      await place(lat, lng, chosen.name || chosen.address)
      if (!draft.address.trim() && (chosen.address || chosen.name)) update({ address: `${chosen.address ?? ''}${chosen.name ?? ''}`.slice(0, 100) })
    } catch {
      // Cancelled: the pin stays.
    }
  }

  const pickGrid = async () => {
    if (!tree) {
      try {
        setTree(options((await call(gridTree, {})).root).children ?? [])
      } catch (e) {
        return props.setError('location', (e as Error).message || '网格加载失败，请重试')
      }
    }
    setPicking(true)
  }

  useEffect(() => {
    // A point from a check-in or a draft is named; with neither a point nor a picked grid, the phone is asked.
    if (draft.location && !draft.grid) void place(draft.location.lat, draft.location.lng, draft.place)
    else if (!draft.location && !draft.grid) void locate()
  }, [])

  const loc = draft.location
  const title = locating ? '定位中…' : draft.grid ? draft.grid.name : loc ? '已获取当前位置' : '未获取位置'
  const description = loc ? (draft.place ?? '按当前位置确定网格') : draft.grid ? '你选择的网格，请在下面填写详细地址' : '可以获取位置，或选择所在网格并填写地址'
  return (
    <View>
      <Cell className='report__location' title={title} description={description} />
      <View className='report__location-actions'>
        <Button size='small' fill='outline' type='primary' className='report__locate' loading={locating} onClick={locate}>
          {loc ? '重新定位' : '获取位置'}
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <Button size='small' fill='outline' className='report__move-pin' onClick={movePin}>
            在地图上调整
          </Button>
        )}
        {!loc && (
          <Button size='small' fill='outline' className='report__pick-grid' onClick={pickGrid}>
            选择网格
          </Button>
        )}
      </View>
      <FieldError name='location' message={errors.location} />
      <Input
        className='report__address'
        placeholder={loc ? '详细地址，如小区、楼栋、门牌（选填）' : '详细地址，如小区、楼栋、门牌（必填）'}
        maxLength={100}
        value={draft.address}
        onChange={(address) => update({ address })}
      />
      <FieldError name='address' message={errors.address} />
      {tree && (
        <Cascader
          visible={picking}
          title='选择所在网格'
          closeable
          options={tree}
          value={draft.grid ? [draft.grid.id] : []}
          onClose={() => setPicking(false)}
          onChange={(value: CascaderValue, nodes: CascaderNode[]) => {
            // Done when a grid (a leaf) is chosen.
            const last = nodes[nodes.length - 1]
            if (!last || (last.children?.length ?? 0) > 0) return
            update({ location: undefined, place: undefined, grid: { id: String(value[value.length - 1]), name: last.text ?? '' } })
            setPicking(false)
          }}
        />
      )}
    </View>
  )
}
