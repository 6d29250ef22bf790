import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { caseStatusLabels, caseViews, listCases, type CaseStatus, type CaseSummary } from '@linli/shared'
import { call } from '../../../api/request'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { Button, TabPane, Tabs } from '../components/nutui'
import { StateView } from '../../../components/state-view'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { usePagedList } from '../../../components/use-paged-list'
import { ListFooter } from '../../../components/list-footer'
import { CaseRow } from './case-row'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

type CaseView = (typeof caseViews)[number]
type Tab = CaseStatus | 'all'

const views: Record<CaseView, { title: string; empty: string; tabs: Tab[] }> = {
  mine: {
    title: '我的上报',
    empty: '你还没有上报过问题',
    tabs: ['all', 'submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'referred', 'closed'],
  },
  queue: {
    title: '受理队列',
    empty: '队列里没有事件',
    tabs: ['submitted', 'all', 'accepted', 'dispatched', 'in_progress', 'resolved', 'referred', 'closed', 'rejected'],
  },
  // The server keeps this list most urgent first (红牌, then the nearest deadline); a case leaves it once its clock is met.
  warned: { title: '超时预警', empty: '没有即将超时或已超时的事件', tabs: ['all', 'submitted', 'accepted', 'dispatched', 'in_progress'] },
  assigned: { title: '我的工单', empty: '暂时没有派给你的工单', tabs: ['all', 'dispatched', 'in_progress', 'resolved', 'closed'] },
  grid: { title: '网格事件', empty: '本网格暂无事件', tabs: ['all', 'submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed'] },
}

const tabTitle = (t: Tab) => (t === 'all' ? '全部' : caseStatusLabels[t])

/**
 * Case lists by `view`: mine (我的上报), queue (受理队列, opens on 待受理), warned (超时预警), assigned (我的工单) and
 * grid (网格事件).
 * Status tabs filter; pull down to refresh; more pages load at the bottom (nextCursor).
 */
/** The dispatcher's queue puts first what needs them most: flagged content, 红牌, 黄牌, 督办, then new cases. */
const urgency = (c: CaseSummary) => (c.flagged ? 0 : c.overdue ? 1 : c.mark === 'warn' ? 2 : c.supervised ? 3 : c.status === 'submitted' ? 4 : 5)

export default function Cases() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const view: CaseView = (caseViews as readonly string[]).includes(params.view ?? '') ? (params.view as CaseView) : 'mine'
  const spec = views[view]
  const initial = spec.tabs.find((t) => t === params.status) ?? (view === 'queue' ? 'submitted' : 'all')
  const [status, setStatus] = useState<Tab>(initial)
  // A grid opened from the command centre (指挥中心): its cases, for those who watch it from above.
  const scopeId = view === 'grid' ? params.scopeId : undefined
  const list = usePagedList((cursor) => call(listCases, { query: { view, status: status === 'all' ? undefined : status, scopeId, cursor } }), [status], {
    enabled: Boolean(session),
  })
  const { items, loading, error } = list

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: scopeId && params.name ? `${decodeURIComponent(params.name)} · ${spec.title}` : spec.title })
  }, [view])

  return (
    <PageShell className={`${pageClass} case-list case-list--${view}`} signedOut={!session}>
      {() => {
        return (
          <>
            <Tabs className='case-list__tabs' value={status} onChange={(v) => setStatus(v as Tab)} activeType='line' duration={0}>
              {spec.tabs.map((t) => (
                <TabPane key={t} value={t} title={tabTitle(t)} />
              ))}
            </Tabs>
            {view === 'assigned' && (
              <View className='case-list__toolbar'>
                <Text className='muted'>新工单派给你时，通过微信通知提醒</Text>
                <Button
                  size='small'
                  type='primary'
                  fill='outline'
                  className='case-list__subscribe'
                  onClick={() => void tellConsent(askSubscribe(['case_dispatch']), '工作台', '已设置派单通知')}
                >
                  接收派单通知
                </Button>
              </View>
            )}
            {loading || error || !items.length ? (
              <StateView loading={loading} error={error} empty={scopeId ? '该网格暂无事件' : spec.empty} onRetry={() => void list.reload()} />
            ) : (
              <View className='case-list__items'>
                {(view === 'queue' ? [...items].sort((a, b) => urgency(a) - urgency(b)) : items).map((item) => (
                  <CaseRow key={item.id} item={item} />
                ))}
                <ListFooter list={list} block='case-list' />
              </View>
            )}
          </>
        )
      }}
    </PageShell>
  )
}
