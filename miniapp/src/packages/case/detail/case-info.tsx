import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { clockStageLabels, type CaseDetail } from '@linli/shared'
import { Cell, CellGroup, Rate, Tag } from '../components/nutui'
import { CaseTags } from '../components/case-tags'
import { PhotoGrid } from '../../../components/photo-grid'
import { formatTime } from '../../../utils/format'
import { CaseMap } from './case-map'

const taskLabels = { open: '待办理', started: '办理中', done: '已办结' } as const

/** The case itself: number and status, what and where, who reported and who handles it, deadlines, rating. */
export function CaseInfo({ detail: d }: { detail: CaseDetail }) {
  const phone = d.contactPhone
  return (
    <View>
      <View className='case__header'>
        <View className='case__title'>
          <Text className='case__category'>{d.categoryName}</Text>
          <Text className='case__number'>{d.number}</Text>
        </View>
        <View className='case__tags'>
          <CaseTags status={d.status} flagged={d.flagged} overdue={d.overdue} mark={d.mark} supervised={d.supervised} statusClassName='case__status' />
          {d.following && (
            <Tag type='primary' plain className='case__following'>
              已关注
            </Tag>
          )}
        </View>
        {d.public ? (
          <Text className='case__public muted'>你关注了这件事：可以看到处理进度，上报人的描述、照片和地址只有上报人和处理人员能看到。</Text>
        ) : (
          <Text className='case__description'>{d.description}</Text>
        )}
      </View>
      <PhotoGrid photos={d.photos} />
      <CellGroup>
        <Cell title='问题位置' description={d.location.address ?? d.address ?? '附近'} extra={d.gridName} />
        {/* The point itself: for whoever may see it (a follower sees no place but the grid). */}
        {!d.public && d.location.lat !== undefined && d.location.lng !== undefined && <CaseMap detail={d} lat={d.location.lat} lng={d.location.lng} />}
        {d.reporterName && <Cell className='case__reporter' title='上报人' extra={d.reporterName} />}
        {phone && (
          <Cell
            className='case__phone'
            title='联系电话'
            extra={phone}
            clickable={!phone.includes('*')}
            onClick={() => !phone.includes('*') && void Taro.makePhoneCall({ phoneNumber: phone })}
          />
        )}
        <Cell title='上报时间' extra={formatTime(d.createdAt)} />
        <Cell className='case__department' title='责任部门' extra={d.departmentName} />
        {d.assignees.length > 0 && <Cell className='case__assignees' title='处置人' extra={d.assignees.map((a) => a.name).join('、')} />}
        {d.reopenCount > 0 && <Cell title='重办次数' extra={`${d.reopenCount} 次`} />}
        {d.followerCount > 0 && <Cell className='case__followers' title='也遇到此问题' extra={`${d.followerCount} 位居民`} />}
      </CellGroup>
      {d.supervision && (
        <CellGroup title='督办'>
          <Cell className='case__supervision' title={d.supervision.note} description={`${d.supervision.byName} · ${formatTime(d.supervision.at)}`} />
        </CellGroup>
      )}
      <CellGroup title='办理时限'>
        {d.clock && (
          <Cell
            className={`case__clock case__clock--${d.clock.mark ?? 'running'}`}
            title={`当前：${clockStageLabels[d.clock.stage]}时限`}
            extra={`${formatTime(d.clock.deadline)}${d.clock.mark === 'overdue' ? '（已超时）' : d.clock.mark === 'warn' ? '（即将超时）' : ''}`}
          />
        )}
        {/* Each deadline once: the running stage's is the line above. */}
        {d.clock?.stage !== 'accept' && <Cell title='受理时限' extra={formatTime(d.deadlines.acceptBy)} />}
        {d.clock?.stage !== 'dispatch' && <Cell title='派单时限' extra={formatTime(d.deadlines.dispatchBy)} />}
        {d.clock?.stage !== 'resolve' && <Cell title='办结时限' extra={formatTime(d.deadlines.resolveBy)} />}
        {d.extensionCount > 0 && <Cell title='已延期' extra={`${d.extensionCount} 次`} />}
        {d.extension && (
          <Cell
            className='case__extension'
            title={`延期申请：至 ${formatTime(d.extension.until)}`}
            description={`${d.extension.byName}：${d.extension.reason}`}
            extra='待审批'
          />
        )}
      </CellGroup>
      {d.tasks.length > 0 && (
        <CellGroup title='联办部门'>
          {d.tasks.map((t) => (
            <Cell
              key={t.departmentId}
              className={`case__task case__task--${t.status}`}
              title={t.departmentName}
              description={t.note ?? t.assignees.map((a) => a.name).join('、')}
              extra={taskLabels[t.status]}
            />
          ))}
        </CellGroup>
      )}
      {d.rating !== undefined && (
        <CellGroup title='群众评价'>
          <Cell className='case__rating' title={<Rate value={d.rating} readOnly />} extra={`${d.rating} 分`} />
        </CellGroup>
      )}
    </View>
  )
}
