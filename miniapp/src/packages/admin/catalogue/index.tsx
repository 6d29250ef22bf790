import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { priorityLabels, slaBands } from '@linli/shared'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { usePageClass } from '../../../components/text-size'
import { Button, Cell, CellGroup, TabPane, Tabs } from '../components/nutui'
import { useAdminCatalogue } from '../components/use-admin-catalogue'
import '../components/console.scss'

const open = (url: string) => void Taro.navigateTo({ url })

/** 部门与事件分类: the district's departments and its taxonomy, as its admin keeps them (each opens its form). */
export default function AdminCatalogue() {
  const pageClass = usePageClass()
  const session = useSession()
  const { catalogue, load, shell } = useAdminCatalogue()
  const [tab, setTab] = useState<string | number>('departments')

  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  return (
    <PageShell className={`${pageClass} admin-page admin-catalogue`} signedOut={!session} {...shell}>
      {() => {
        const c = catalogue!
        const nodeName = (id: string) => c.nodes.find((n) => n.id === id)?.name ?? id
        const departmentName = (id: string) => c.departments.find((d) => d.id === id)?.name ?? '（部门已不存在）'
        return (
          <>
            <CellGroup title={c.district.name}>
              <Cell
                className='admin-catalogue__changes'
                title='变更记录'
                description='谁在何时改了什么（修改前后）'
                clickable
                onClick={() => open('/packages/admin/changes/index')}
              />
            </CellGroup>
            <Tabs value={tab} onChange={setTab}>
              <TabPane title={`职能部门（${c.departments.length}）`} value='departments'>
                <CellGroup className='admin-catalogue__departments'>
                  {c.departments.map((d) => (
                    <Cell
                      key={d.id}
                      className='admin-catalogue__department'
                      title={d.name}
                      description={`服务范围：${nodeName(d.nodeId)}`}
                      clickable
                      onClick={() => open(`/packages/admin/edit/index?kind=department&id=${d.id}`)}
                    />
                  ))}
                </CellGroup>
                <View className='admin-page__actions'>
                  <Button type='primary' className='admin-catalogue__new-department' onClick={() => open('/packages/admin/edit/index?kind=department')}>
                    新建部门
                  </Button>
                </View>
              </TabPane>
              <TabPane title='事件分类' value='classes'>
                <View className='admin-catalogue__classes'>
                  {c.classes.map((k) => (
                    <CellGroup key={k.id} title={`${k.name}（${k.items.length}）`} className='admin-catalogue__class'>
                      {k.items.map((i) => (
                        <Cell
                          key={i.id}
                          className='admin-catalogue__item'
                          title={i.name}
                          description={`默认派往 ${departmentName(i.departmentId)}${i.autoDispatch ? '（自动派单）' : ''}`}
                          extra={`${priorityLabels[i.priority]}优先 · ${slaBands[i.slaBand].label}`}
                          clickable
                          onClick={() => open(`/packages/admin/edit/index?kind=category&id=${i.id}`)}
                        />
                      ))}
                      <Cell
                        className='admin-catalogue__new-item'
                        title={`在「${k.name}」下新建分类`}
                        clickable
                        onClick={() => open(`/packages/admin/edit/index?kind=category&classId=${k.id}`)}
                      />
                    </CellGroup>
                  ))}
                </View>
              </TabPane>
            </Tabs>
          </>
        )
      }}
    </PageShell>
  )
}
