import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { checkinKindLabels, createCheckin, type CheckinKind, type GridNode } from '@linli/shared'
import { geofence, MAX_ACCURACY_M, type Boundary, type Fence, type Fix } from '@linli/shared/domain/field/geofence'
import { position } from '../../../api/location'
import { ApiError, call } from '../../../api/request'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { isUploading, PhotoUploader, photoKeys, type PhotoItem } from '../../../components/photo-uploader'
import { randomId } from '../../../utils/format'
import { seedReport } from '../../../utils/report-seed'
import { Button, Cell, CellGroup, TextArea } from '../components/nutui'
import { GridMap } from '../../../components/grid-map'
import { fieldGrids, loadGrid } from '../components/my-grid'
import { enqueue, flush, queued, dropRefused, type Queued } from '../components/queue'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

const fenceText = (fence: Fence | undefined, fix: Fix | undefined) => {
  if (!fix) return '正在定位…'
  if (!fence) return ''
  if (fence.ok) return fence.metersOutside ? `在网格边界外约 ${fence.metersOutside} 米，按定位误差计入网格内` : '你在网格内，可以打卡'
  if (fence.reason === 'accuracy') return `定位精度约 ${Math.round(fix.accuracy)} 米（超过 ${MAX_ACCURACY_M} 米），请到开阔处重新定位`
  return `你在网格外约 ${fence.metersOutside} 米，不能打卡`
}

/** 打卡: where I am against my grid's boundary (shown before sending), note and photos; queued when offline. */
export default function Checkin() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const kind = (params.kind ?? 'duty') as CheckinKind
  const gridId = params.gridId ?? fieldGrids(session)[0]?.scopeId
  const [grid, setGrid] = useState<GridNode>()
  const [error, setError] = useState('')
  const [fix, setFix] = useState<Fix>()
  const [locateError, setLocateError] = useState('')
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const [busy, setBusy] = useState(false)
  const [waiting, setWaiting] = useState<Queued[]>(queued)
  const [done, setDone] = useState<{ lat: number; lng: number }>()
  const key = useRef(randomId())

  const locate = async () => {
    setLocateError('')
    try {
      const fix = await position('打卡', { highAccuracy: true })
      setFix({ ...fix, accuracy: fix.accuracy ?? 0 })
    } catch (e) {
      setLocateError((e as Error).message)
    }
  }
  const load = () => {
    if (!gridId) return
    setError('')
    loadGrid(gridId).then(setGrid, (e: Error) => setError(e.message))
  }
  const resend = async () => {
    const sent = await flush()
    setWaiting(queued())
    if (sent) void Taro.showToast({ title: `已补传 ${sent} 条打卡`, icon: 'none' })
  }

  useEffect(() => {
    load()
    void locate()
    const onNetwork = (r: { isConnected: boolean }) => void (r.isConnected && resend())
    Taro.onNetworkStatusChange(onNetwork)
    return () => Taro.offNetworkStatusChange?.(onNetwork)
  }, [])
  useDidShow(() => void resend())

  const fence = grid?.boundary && fix ? geofence(grid.boundary as Boundary, fix) : undefined
  const submit = async () => {
    if (!fix || busy) return
    if (isUploading(photos)) return void Taro.showToast({ title: '图片上传中，请稍候', icon: 'none' })
    const body = {
      kind,
      location: fix,
      note: note.trim(),
      photoKeys: photoKeys(photos),
      patrolId: params.patrolId,
      householdId: params.householdId,
      capturedAt: new Date().toISOString(),
    }
    setBusy(true)
    try {
      await call(createCheckin, { body }, { headers: { 'Idempotency-Key': key.current } })
      void Taro.showToast({ title: '打卡成功', icon: 'success' })
      setDone({ lat: fix.lat, lng: fix.lng })
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) {
        enqueue(key.current, body)
        setWaiting(queued())
        void Taro.showToast({ title: '网络不可用，打卡已保存，联网后自动补传', icon: 'none' })
        setDone({ lat: fix.lat, lng: fix.lng })
      } else void Taro.showToast({ title: e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : '打卡失败，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  const report = () => {
    if (!done) return
    seedReport({ location: done, photos: photos.flatMap((p) => (p.key ? [{ key: p.key, path: p.path }] : [])), description: note.trim() })
    void Taro.navigateTo({ url: '/packages/case/report/index' })
  }

  return (
    <PageShell
      className={`${pageClass} checkin`}
      signedOut={!session}
      empty={gridId ? undefined : '你还不是网格员，不能打卡'}
      loading={Boolean(gridId) && !grid && !error}
      error={grid ? undefined : error}
      onRetry={load}
    >
      {() => {
        if (!grid) return null
        const refused = waiting.filter((q) => q.refused)
        return (
          <>
            {waiting.length > 0 && (
              <CellGroup title='离线打卡'>
                <Cell
                  className='checkin__queue'
                  title={`待补传 ${waiting.length - refused.length} 条`}
                  description={refused.length ? `${refused.length} 条未被接受：${refused[0]!.refused}` : '联网后按拍摄顺序自动补传'}
                  extra={
                    <Button size='small' onClick={() => (refused.length ? (dropRefused(), setWaiting(queued())) : void resend())}>
                      {refused.length ? '知道了' : '立即补传'}
                    </Button>
                  }
                />
              </CellGroup>
            )}
            <GridMap boundary={grid.boundary as Boundary} me={fix && { lat: fix.lat, lng: fix.lng }} label={`${grid.name}边界与我的位置`} />
            <CellGroup title={`${checkinKindLabels[kind]}打卡 · ${grid.name}${params.householdLabel ? ` · ${params.householdLabel}` : ''}`}>
              <Cell
                className={`checkin__fence ${fence?.ok ? 'checkin__fence--in' : 'checkin__fence--out'}`}
                title={locateError || fenceText(fence, fix)}
                description={fix ? `定位精度约 ${Math.round(fix.accuracy)} 米` : undefined}
                extra={
                  <Button size='small' fill='outline' type='primary' onClick={locate}>
                    重新定位
                  </Button>
                }
              />
            </CellGroup>
            <CellGroup title={kind === 'visit' ? '走访情况' : '备注'}>
              <View className='checkin__note'>
                <TextArea
                  value={note}
                  onChange={setNote}
                  maxLength={500}
                  showCount
                  rows={3}
                  placeholder={kind === 'visit' ? '记录走访发现，如：老人身体状况、家中隐患、诉求' : '选填，如：巡查路段、发现的情况'}
                />
              </View>
            </CellGroup>
            <CellGroup title='现场照片（选填，最多 3 张）'>
              <PhotoUploader purpose='checkin_photo' max={3} photos={photos} setPhotos={setPhotos} />
            </CellGroup>
            <View className='checkin__footer'>
              {done ? (
                <>
                  <Text className='checkin__done'>已打卡。发现问题可直接上报，位置和照片已带上。</Text>
                  <Button block type='primary' className='checkin__report' onClick={report}>
                    发现问题，一键上报
                  </Button>
                  <Button block className='checkin__back' onClick={() => void Taro.navigateBack()}>
                    返回
                  </Button>
                </>
              ) : (
                <Button block type='primary' className='checkin__submit' disabled={!fence?.ok} loading={busy} onClick={submit}>
                  {fence && !fence.ok ? '不在网格内，不能打卡' : '打卡'}
                </Button>
              )}
            </View>
          </>
        )
      }}
    </PageShell>
  )
}
