/**
 * Where the problem is, for those who go there: the point on its grid's map (WeChat's map in weapp, the offline SVG
 * in H5) and 导航 — WeChat's own location page in weapp (GCJ-02), 高德地图's marker page in a browser.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import gcoord from 'gcoord'
import { getGrid, type CaseDetail } from '@linli/shared'
import type { Boundary } from '@linli/shared/domain/field/geofence'
import { call } from '../../../api/request'
import { GridMap } from '../../../components/grid-map'
import { Button } from '../components/nutui'

export function CaseMap({ detail: d, lat, lng }: { detail: CaseDetail; lat: number; lng: number }) {
  const [boundary, setBoundary] = useState<Boundary>()
  useEffect(() => {
    call(getGrid, { params: { id: d.gridId } }).then(
      (g) => setBoundary(g.boundary as Boundary | undefined),
      () => undefined,
    )
  }, [d.gridId])
  const [gcjLng, gcjLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]
  const place = d.location.address ?? d.gridName
  const navigate = () => {
    if (process.env.TARO_ENV === 'weapp') {
      void Taro.openLocation({ latitude: gcjLat, longitude: gcjLng, name: d.categoryName, address: place, scale: 17 })
      return
    }
    const url = `https://uri.amap.com/marker?position=${gcjLng.toFixed(6)},${gcjLat.toFixed(6)}&name=${encodeURIComponent(`${d.categoryName}（${place}）`)}&coordinate=gaode&callnative=1`
    window.open(url, '_blank', 'noopener')
  }
  return (
    <View className='case__map'>
      {boundary && <GridMap boundary={boundary} points={[{ lat, lng, label: '问题位置' }]} label={`${d.gridName}地图，标出问题位置`} />}
      <Button className='case__navigate' size='small' type='primary' fill='outline' onClick={navigate}>
        导航到问题位置
      </Button>
    </View>
  )
}
