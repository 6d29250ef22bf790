import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { careTagLabels, careTags, exportHouseholds, importHouseholds, listHouseholds, type CareTag } from '@linli/shared'
import { ApiError, call, fileRequest } from '../../../api/request'
import { chooseSpreadsheet, download } from '../../../api/files'
import { uploadFile } from '../../../api/upload'
import { StateView } from '../../../components/state-view'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { usePagedList } from '../../../components/use-paged-list'
import { ListFooter } from '../../../components/list-footer'
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
  // Only the grid's own staff keep its roster (a grid leader, the grids below them); anyone else reads it, masked.
  const keeps = fieldGrids(session).some((b) => b.scopeId === gridId || b.role === 'grid_leader')
  const [filter, setFilter] = useState<Filter>((params.filter as Filter) ?? 'due')
  const [search, setSearch] = useState('')
  const list = usePagedList(
    (cursor) =>
      call(listHouseholds, {
        query: { gridId: gridId!, limit: 20, cursor, ...(filter === 'due' ? { due: '1' as const } : filter === 'all' ? {} : { tag: filter }) },
      }),
    [filter, gridId],
    { enabled: Boolean(session && gridId) },
  )
  const importFile = async () => {
    try {
      const file = await chooseSpreadsheet()
      if (!file) return
      void Taro.showLoading({ title: '导入中…' })
      const fileKey = await uploadFile('roster_import', file)
      const { imported } = await call(importHouseholds, { body: { gridId: gridId!, fileKey } })
      void Taro.hideLoading()
      void Taro.showToast({ title: `已导入 ${imported} 户`, icon: 'success' })
      if (filter === 'all') void list.reload(true)
      else setFilter('all')
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
  return (
    <PageShell className={`${pageClass} households`} signedOut={!session} empty={gridId ? undefined : '你还不是网格员，没有住户台账'}>
      {() => {
        const shown = list.items.filter((h) => !search.trim() || h.headName.includes(search.trim()) || h.address.includes(search.trim()))
        return (
          <>
            <Tabs value={filter} onChange={(v) => setFilter(v as Filter)} activeType='line' duration={0}>
              <TabPane value='due' title='待走访' />
              <TabPane value='all' title='全部' />
              {careTags.map((t) => (
                <TabPane key={t} value={t} title={careTagLabels[t]} />
              ))}
            </Tabs>
            <SearchBar className='households__search' placeholder='搜索户主姓名或门牌' value={search} onChange={setSearch} />
            {list.loading || list.error ? (
              <StateView loading={list.loading} error={list.error} onRetry={() => void list.reload()} />
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
            {list.items.length > 0 && <ListFooter list={list} block='households' />}
            {keeps && (
              <View className='households__footer'>
                <View className='households__footer-row'>
                  <Button className='households__import' onClick={importFile}>
                    导入表格
                  </Button>
                  <Button className='households__export' onClick={exportFile}>
                    导出
                  </Button>
                  <Button
                    type='primary'
                    className='households__add'
                    onClick={() => void Taro.navigateTo({ url: `/packages/field/household/index?gridId=${gridId}` })}
                  >
                    登记住户
                  </Button>
                </View>
                <SafeArea position='bottom' />
              </View>
            )}
          </>
        )
      }}
    </PageShell>
  )
}
