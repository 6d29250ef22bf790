import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { adminGridsExport, adminGridsImport, adminGridsPreview, coordinateSystems, type RouteResponse } from '@linli/shared'
import { ApiError, call, fileRequest } from '../../../api/request'
import { chooseGeoJson, saveInBrowser } from '../../../api/files'
import { uploadFile } from '../../../api/upload'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { usePageClass } from '../../../components/text-size'
import { Button, Cell, CellGroup, RadioGroup } from '../components/nutui'
import { DistrictMap } from '../components/district-map'
import { useAdminCatalogue } from '../components/use-admin-catalogue'
import '../components/console.scss'

type Plan = RouteResponse<typeof adminGridsPreview>
type Crs = (typeof coordinateSystems)[number]
const crsLabels: Record<Crs, string> = { wgs84: 'WGS84（GPS、GeoJSON 标准）', gcj02: 'GCJ-02（高德、腾讯地图）' }
const changeLabels = { name: '名称', community: '所属社区', boundary: '边界' } as const

/** 网格边界: the district's grids on a map, by community; import from GeoJSON (preview first, then apply) and export. */
export default function AdminGrids() {
  const pageClass = usePageClass()
  const session = useSession()
  const [community, setCommunity] = useState('')
  const [crs, setCrs] = useState<Crs>('wgs84')
  const [pending, setPending] = useState<{ fileKey: string; name: string; plan: Plan }>()
  const [busy, setBusy] = useState(false)

  const { catalogue, load, shell } = useAdminCatalogue((c) => setCommunity((now) => now || (c.nodes.find((n) => n.level === 'community')?.id ?? '')))
  useEffect(() => void load(), [])

  /** A refused file: each feature's problem, the first few in a dialog. */
  const refused = (e: unknown) => {
    const fields = e instanceof ApiError ? e.fields : []
    const content = fields.length
      ? `${fields
          .slice(0, 6)
          .map((f) => f.message)
          .join('\n')}${fields.length > 6 ? `\n……共 ${fields.length} 处` : ''}`
      : (e as Error).message
    void Taro.showModal({ title: fields.length ? '文件有问题，未导入' : '导入失败', content, showCancel: false, confirmText: '知道了' })
  }
  const pick = async () => {
    try {
      const file = await chooseGeoJson()
      if (!file) return
      setBusy(true)
      const fileKey = await uploadFile('grids_import', file)
      setPending({ fileKey, name: file.name, plan: await call(adminGridsPreview, { body: { fileKey, crs } }) })
    } catch (e) {
      refused(e)
    } finally {
      setBusy(false)
    }
  }
  const apply = async () => {
    setBusy(true)
    try {
      const plan = await call(adminGridsImport, { body: { fileKey: pending!.fileKey, crs } })
      setPending(undefined)
      void Taro.showToast({ title: `已导入：新增 ${plan.adds.length}，修改 ${plan.changes.length}，撤销 ${plan.retires.length}`, icon: 'none' })
      void load()
    } catch (e) {
      refused(e)
    } finally {
      setBusy(false)
    }
  }
  const exportFile = () => {
    const { url, header } = fileRequest(adminGridsExport, {})
    saveInBrowser(url, header, `${catalogue!.district.name}-网格边界.geojson`).catch((e: Error) => void Taro.showToast({ title: e.message, icon: 'none' }))
  }

  return (
    <PageShell className={`${pageClass} admin-page admin-grids`} signedOut={!session} {...shell}>
      {() => {
        const c = catalogue!
        const communities = c.nodes.filter((n) => n.level === 'community')
        const grids = c.nodes.filter((n) => n.level === 'grid')
        const mine = grids.filter((g) => g.parentId === community)
        const communityName = communities.find((n) => n.id === community)?.name ?? ''
        return (
          <View className='admin-grids__layout'>
            <View className='admin-grids__map'>
              <DistrictMap
                grids={grids.map((g) => ({ name: g.name, boundary: g.boundary, picked: g.parentId === community }))}
                label={`${c.district.name}的网格地图，${communityName}的网格以蓝色标出`}
              />
            </View>
            <View className='admin-grids__side'>
              <CellGroup title='社区'>
                <RadioGroup
                  className='admin-grids__communities'
                  direction='horizontal'
                  value={community}
                  onChange={(v) => setCommunity(String(v))}
                  options={communities.map((n) => ({ label: n.name, value: n.id }))}
                />
              </CellGroup>
              <CellGroup title={`${communityName}的网格（${mine.length}）`} className='admin-grids__list'>
                {mine.map((g) => (
                  <Cell key={g.id} className='admin-grids__grid' title={g.name} description={`编号 ${g.id}`} />
                ))}
              </CellGroup>
              {pending ? (
                <CellGroup title={`导入预览：${pending.name}`} className='admin-grids__plan'>
                  <Cell
                    title={`新增 ${pending.plan.adds.length} · 修改 ${pending.plan.changes.length} · 撤销 ${pending.plan.retires.length} · 不变 ${pending.plan.unchanged}`}
                  />
                  {pending.plan.adds.map((g) => (
                    <Cell key={`add-${g.id}`} className='admin-grids__add' title={`新增「${g.name}」`} description={g.communityName} />
                  ))}
                  {pending.plan.changes.map((g) => (
                    <Cell
                      key={`change-${g.id}`}
                      className='admin-grids__change'
                      title={`修改「${g.name}」`}
                      description={`${g.communityName}：${(g.changes ?? []).map((k) => changeLabels[k]).join('、')}`}
                    />
                  ))}
                  {pending.plan.retires.map((g) => (
                    <Cell
                      key={`retire-${g.id}`}
                      className='admin-grids__retire'
                      title={`撤销「${g.name}」`}
                      description={`${g.communityName}（保留其历史与事件）`}
                    />
                  ))}
                  <View className='admin-page__actions'>
                    <Button type='primary' className='admin-grids__apply' loading={busy} onClick={() => void apply()}>
                      确认导入
                    </Button>
                    <Button className='admin-grids__cancel' onClick={() => setPending(undefined)}>
                      取消
                    </Button>
                  </View>
                </CellGroup>
              ) : (
                <CellGroup title='从 GeoJSON 导入'>
                  <Cell title='每个网格一个要素：properties.name 写网格名称，properties.community 写所属社区（编号或名称）；先预览，确认后才写入' />
                  <RadioGroup
                    className='admin-grids__crs'
                    value={crs}
                    onChange={(v) => setCrs(v as Crs)}
                    options={coordinateSystems.map((k) => ({ label: crsLabels[k], value: k }))}
                  />
                  <View className='admin-page__actions'>
                    <Button type='primary' className='admin-grids__import' loading={busy} onClick={() => void pick()}>
                      选择文件并预览
                    </Button>
                    {process.env.TARO_ENV === 'h5' && (
                      <Button className='admin-grids__export' onClick={exportFile}>
                        导出 GeoJSON
                      </Button>
                    )}
                  </View>
                  {process.env.TARO_ENV !== 'h5' && <Text className='muted admin-grids__hint'>导出网格边界请在电脑浏览器中打开管理后台</Text>}
                </CellGroup>
              )}
            </View>
          </View>
        )
      }}
    </PageShell>
  )
}
