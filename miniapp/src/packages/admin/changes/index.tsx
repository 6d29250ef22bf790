import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { addDays, adminChanges, chinaDate, priorityLabels, slaBands, type Priority, type RouteResponse, type SlaBand } from '@linli/shared'
import { call } from '../../../api/request'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { usePagedList } from '../../../components/use-paged-list'
import { ListFooter } from '../../../components/list-footer'
import { usePageClass } from '../../../components/text-size'
import { formatTime } from '../../../utils/format'
import { Button, Cell, CellGroup } from '../components/nutui'
import { useAdminCatalogue } from '../components/use-admin-catalogue'
import '../components/console.scss'

type Change = RouteResponse<typeof adminChanges>['items'][number]

const kindLabels: Record<Change['kind'], string> = { department: '部门', category: '事件分类', grid: '网格' }
const fieldLabels: Record<string, string> = {
  name: '名称',
  nodeId: '服务范围',
  classId: '所属大类',
  order: '排序',
  departmentId: '默认部门',
  priority: '优先级',
  slaBand: '处置时限',
  autoDispatch: '自动派单',
  communityId: '所属社区',
  vertices: '边界顶点数',
  retired: '已撤销',
}
/** The fields in the order the forms show them. */
const order = (field: string) => (field in fieldLabels ? Object.keys(fieldLabels).indexOf(field) : 99)
/** Fields holding an id of the catalogue: shown by the name it has now. */
const idFields = ['nodeId', 'classId', 'departmentId', 'communityId']
const shown = (field: string, value: unknown, names: Record<string, string>): string => {
  if (value === undefined) return '（无）'
  if (idFields.includes(field)) return names[String(value)] ?? String(value)
  if (field === 'priority') return priorityLabels[value as Priority] ?? String(value)
  if (field === 'slaBand') return slaBands[value as SlaBand]?.label ?? String(value)
  if (typeof value === 'boolean') return value ? '是' : '否'
  return String(value)
}
/** What a change did, field by field: 名称：旧 → 新 (a record made: its fields as made). */
const lines = (c: Change, names: Record<string, string>) =>
  Object.keys({ ...c.before, ...c.after })
    .sort((a, b) => order(a) - order(b))
    .filter((f) => !c.before || JSON.stringify(c.before[f]) !== JSON.stringify(c.after[f]))
    .map((f) =>
      c.before
        ? `${fieldLabels[f] ?? f}：${shown(f, c.before[f], names)} → ${shown(f, c.after[f], names)}`
        : `${fieldLabels[f] ?? f}：${shown(f, c.after[f], names)}`,
    )

/** 变更记录: a China day's changes to the district's reference data, newest first — who, when, before and after. */
export default function AdminChanges() {
  const pageClass = usePageClass()
  const session = useSession()
  const today = chinaDate(new Date())
  const [date, setDate] = useState(today)
  // The names of the catalogue's ids (a department, a class, a street), as they are now; ids show until they arrive.
  const { catalogue, load } = useAdminCatalogue()
  useEffect(() => void (session && load()), [Boolean(session)])
  const names: Record<string, string> = Object.fromEntries(
    catalogue ? [...catalogue.nodes, ...catalogue.departments, ...catalogue.classes].map((x) => [x.id, x.name]) : [],
  )
  const list = usePagedList((cursor) => call(adminChanges, { query: { date, limit: 20, cursor } }), [date], {
    enabled: Boolean(session),
    keyOf: (c) => `${c.at}#${c.subjectId}`,
  })

  return (
    <PageShell
      className={`${pageClass} admin-page admin-changes`}
      signedOut={!session}
      error={list.items.length ? undefined : list.error}
      onRetry={() => void list.reload()}
    >
      {() => (
        <>
          <View className='admin-page__actions admin-changes__day'>
            <Button size='small' className='admin-changes__earlier' onClick={() => setDate(addDays(date, -1))}>
              前一天
            </Button>
            <Text className='admin-changes__date'>{date === today ? `今天 ${date}` : date}</Text>
            {date < today && (
              <Button size='small' className='admin-changes__later' onClick={() => setDate(addDays(date, 1))}>
                后一天
              </Button>
            )}
          </View>
          {list.loading ? (
            <Cell title='加载中…' />
          ) : list.items.length === 0 ? (
            <Cell className='admin-changes__none' title='这一天没有变更' />
          ) : (
            <CellGroup className='admin-changes__list'>
              {list.items.map((c) => (
                <Cell
                  key={`${c.at}#${c.subjectId}`}
                  className='admin-changes__change'
                  title={`${c.after.retired ? '撤销' : c.before ? '修改' : '新建'}${kindLabels[c.kind]}「${String(c.after.name ?? c.subjectId)}」`}
                  description={`${c.userName} · ${formatTime(c.at)}\n${lines(c, names).join('\n')}`}
                />
              ))}
            </CellGroup>
          )}
          {list.items.length > 0 && <ListFooter list={list} block='admin-changes' />}
        </>
      )}
    </PageShell>
  )
}
