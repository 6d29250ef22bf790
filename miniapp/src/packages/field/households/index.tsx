import { useState } from 'react'
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { careTagLabels, careTags, exportHouseholds, importHouseholds, listHouseholds, type CareTag, type HouseholdView } from '@linli/shared'
import { ApiError, call, fileRequest } from '../../../api/request'
import { chooseSpreadsheet, download } from '../../../api/files'
import { uploadFile } from '../../../api/upload'
import { StateView } from '../../../components/state-view'
import { useSession } from '../../../components/use-session'
import { Button, Cell, SafeArea, SearchBar, TabPane, Tabs } from '../components/nutui'
import { CareTags, dueText } from '../components/care-tags'
import { fieldGrids } from '../components/my-grid'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

type Filter = 'due' | 'all' | CareTag

/** 住户台账 / 入户走访: the grid's households — due to visit first (most overdue on top), all, or by care tag. */
export default function Households() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const gridId = params.gridId ?? fieldGrids(session)[0]?.scopeId
  const [filter, setFilter] = useState<Filter>((params.filter as Filter) ?? 'due')
  const [items, setItems] = useState<HouseholdView[]>()
  const [next, setNext] = useState<string>()
  const [error, setError] = useState('')
  const [search, setSearch] = useState('')

  const load = async (f: Filter, cursor?: string) => {
    if (!gridId) return
    setError('')
    try {
      const query = { gridId, limit: 20, cursor, ...(f === 'due' ? { due: '1' as const } : f === 'all' ? {} : { tag: f }) }
      const page = await call(listHouseholds, { query })
      setItems((list) => (cursor ? [...(list ?? []), ...page.items] : page.items))
      setNext(page.nextCursor)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败，请检查网络')
    }
  }
  useDidShow(() => void load(filter))
  useReachBottom(() => void (next && load(filter, next)))
  const importFile = async () => {
    try {
      const file = await chooseSpreadsheet()
      if (!file) return
      void Taro.showLoading({ title: '导入中…' })
      const fileKey = await uploadFile('roster_import', file)
      const { imported } = await call(importHouseholds, { body: { gridId: gridId!, fileKey } })
      void Taro.hideLoading()
      void Taro.showToast({ title: `已导入 ${imported} 户`, icon: 'success' })
      choose('all')
    } catch (e) {
      void Taro.hideLoading()
      const rows = e instanceof ApiError ? e.fields.filter((f) => f.path.startsWith('rows.')) : []
      const content = rows.length
        ? `${rows
            .slice(0, 6)
            .map((f) => f.message)
            .join('\n')}${rows.length > 6 ? `\n……共 ${rows.length} 处` : ''}`
        : (e as Error).message
      void Taro.showModal({ title: rows.length ? '表格有误，整表未导入' : '导入失败', content, showCancel: false, confirmText: '知道了' })
    }
  }
  const exportFile = () => {
    const { url, header } = fileRequest(exportHouseholds, {})
    download(`${url}?gridId=${gridId}`, header, '住户台账.xlsx', 'xlsx').catch((e: Error) => void Taro.showToast({ title: e.message, icon: 'none' }))
  }
  const choose = (f: Filter) => {
    setFilter(f)
    setItems(undefined)
    void load(f)
  }

  if (!session) return <View className={pageClass} />
  if (!gridId) return <StateView empty='你还不是网格员，没有住户台账' />
  const shown = (items ?? []).filter((h) => !search.trim() || h.headName.includes(search.trim()) || h.address.includes(search.trim()))
  return (
    <View className={`${pageClass} households`}>
      <Tabs value={filter} onChange={(v) => choose(v as Filter)} activeType='line' duration={0}>
        <TabPane value='due' title='待走访' />
        <TabPane value='all' title='全部' />
        {careTags.map((t) => (
          <TabPane key={t} value={t} title={careTagLabels[t]} />
        ))}
      </Tabs>
      <SearchBar className='households__search' placeholder='搜索户主姓名或门牌' value={search} onChange={setSearch} />
      {!items ? (
        <StateView loading={!error} error={error} onRetry={() => void load(filter)} />
      ) : shown.length ? (
        shown.map((h) => (
          <Cell
            key={h.id}
            className='households__item'
            title={`${h.address} · ${h.headName}（${h.members} 人）`}
            description={<CareTags tags={h.careTags} />}
            extra={
              <View className={`households__due ${h.nextDueAt && Date.parse(h.nextDueAt) < Date.now() ? 'households__due--late' : ''}`}>
                {dueText(h.nextDueAt)}
              </View>
            }
            onClick={() => void Taro.navigateTo({ url: `/packages/field/household/index?id=${h.id}` })}
          />
        ))
      ) : (
        <StateView empty={filter === 'due' ? '暂无到期应走访的住户' : '暂无住户'} />
      )}
      {next && (
        <Button block fill='none' className='households__more' onClick={() => void load(filter, next)}>
          加载更多
        </Button>
      )}
      <View className='households__footer'>
        <View className='households__footer-row'>
          <Button className='households__import' onClick={importFile}>
            导入表格
          </Button>
          <Button className='households__export' onClick={exportFile}>
            导出
          </Button>
          <Button type='primary' className='households__add' onClick={() => void Taro.navigateTo({ url: `/packages/field/household/index?gridId=${gridId}` })}>
            登记住户
          </Button>
        </View>
        <SafeArea position='bottom' />
      </View>
    </View>
  )
}
