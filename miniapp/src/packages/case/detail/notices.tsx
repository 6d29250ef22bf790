import { Text } from '@tarojs/components'
import { caseEventLabels, templateLabel, type Notice } from '@linli/shared'
import { Cell, CellGroup, Tag } from '../components/nutui'
import { formatTime } from '../../../utils/format'

const states: Record<Notice['state'], { label: string; type: 'default' | 'primary' | 'success' | 'warning' | 'danger' }> = {
  sending: { label: '发送中', type: 'primary' },
  sent: { label: '已送达', type: 'success' },
  failed: { label: '发送失败', type: 'warning' },
  dead: { label: '已放弃', type: 'danger' },
  no_consent: { label: '未授权', type: 'default' },
}
const eventLabel = (e: string) => (e in caseEventLabels ? caseEventLabels[e as keyof typeof caseEventLabels] : e)

/** 通知记录 (staff): each subscribe message of the case, to whom, and how its delivery went. */
export function Notices({ items, error }: { items: Notice[]; error?: string }) {
  return (
    <CellGroup title='通知记录' className='notices'>
      {!items.length && <Cell title={<Text className='muted'>{error ? `通知记录加载失败：${error}` : '暂无通知'}</Text>} />}
      {items.map((n) => {
        const detail = [eventLabel(n.event), formatTime(n.sentAt ?? n.createdAt), n.attempts > 1 ? `第 ${n.attempts} 次` : '']
        if (n.lastErrcode !== undefined) detail.push(`errcode ${n.lastErrcode}`)
        if (n.lastError) detail.push(n.lastError)
        return (
          <Cell
            key={n.id}
            className={`notice notice--${n.state}`}
            title={`${n.recipientName} · ${templateLabel(n.templateKey)}`}
            description={detail.filter(Boolean).join(' · ')}
            extra={
              <Tag type={states[n.state].type} className='notice__state'>
                {states[n.state].label}
              </Tag>
            }
          />
        )
      })}
    </CellGroup>
  )
}
