import { View } from '@tarojs/components'
import { caseStatusLabels, type CaseStatus } from '@linli/shared'
import { Tag } from './nutui'
import './case-tags.scss'

const statusType: Record<CaseStatus, 'default' | 'primary' | 'info' | 'success' | 'danger' | 'warning'> = {
  submitted: 'warning',
  accepted: 'info',
  rejected: 'default',
  withdrawn: 'default',
  dispatched: 'info',
  in_progress: 'primary',
  resolved: 'success',
  referred: 'info',
  closed: 'success',
}

/**
 * The status tag, then 待审核 (flagged by content review), the SLA clock's 黄牌 (past 80 % of its stage) or 红牌
 * (past the deadline), and 督办 (supervised by the district) when they apply.
 */
export function CaseTags(props: {
  status: CaseStatus
  flagged?: boolean
  overdue?: boolean
  mark?: 'warn' | 'overdue'
  supervised?: boolean
  statusClassName?: string
}) {
  return (
    <View className='case-tags'>
      <Tag type={statusType[props.status]} className={`case-tags__status ${props.statusClassName ?? ''}`}>
        {caseStatusLabels[props.status]}
      </Tag>
      {props.flagged && (
        <Tag type='warning' plain className='case-tags__flagged'>
          待审核
        </Tag>
      )}
      {props.overdue ? (
        <Tag type='danger' className='case-tags__overdue'>
          红牌·超时
        </Tag>
      ) : (
        props.mark === 'warn' && (
          <Tag type='warning' className='case-tags__warn'>
            黄牌·将超时
          </Tag>
        )
      )}
      {props.supervised && (
        <Tag type='primary' plain className='case-tags__supervised'>
          督办
        </Tag>
      )}
    </View>
  )
}
