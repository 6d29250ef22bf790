import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { caseEventLabels, caseProgressTemplates, caseEventSchema, fireCaseEvent, type CaseDetail, type CaseEventType } from '@linli/shared'
import type { Department } from '../../../api/categories'
import { ApiError, call } from '../../../api/request'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { apiErrors, FieldError, zodErrors, type Errors } from '../../../components/field-error'
import { Button, CellGroup, CheckboxGroup, RadioGroup, Rate, SafeArea, TextArea } from '../components/nutui'
import { isUploading, PhotoUploader, photoKeys, type PhotoItem } from '../../../components/photo-uploader'
import { useSession } from '../../../components/use-session'
import { formatTime } from '../../../utils/format'

const withReason: CaseEventType[] = ['reject', 'withdraw', 'return', 'reopen', 'escalate', 'refer', 'report', 'request_extension', 'decline_extension']
const reasonTitle: Partial<Record<CaseEventType, string>> = {
  reject: '不予受理的原因',
  withdraw: '撤回原因（选填）',
  return: '退回原因',
  reopen: '不满意的原因',
  escalate: '上报上级的原因',
  refer: '转人民调解的说明（居民将据此预约说事）',
  report: '举报原因（如泄露隐私、不实信息、广告），只有调度员能看到',
  request_extension: '申请延期的原因',
  decline_extension: '不同意延期的原因',
}
/** Staff hear of deadlines, extensions and 督办 by the alert template: asked for as they act. */
const staffEvents: CaseEventType[] = [
  'accept',
  'dispatch',
  'start',
  'resolve',
  'request_extension',
  'approve_extension',
  'decline_extension',
  'start_task',
  'finish_task',
]
/** How much later an extension asks the resolve deadline to be, in days. */
const extensionDays = [1, 3, 7]
/** 处置期限 presets for a dispatch, in hours; 0: the category's own time limit. */
const deadlines = [0, 4, 24, 72, 168]
const deadlineLabel = (h: number) => (h === 0 ? '按分类时限' : h < 24 ? `${h} 小时内` : `${h / 24} 天内`)

const fieldOf = (path: string) =>
  path === 'departmentId'
    ? 'department'
    : path.startsWith('officialIds')
      ? 'officials'
      : path.startsWith('coDepartmentIds')
        ? 'coDepartments'
        : path.startsWith('photoKeys')
          ? 'photos'
          : ['reason', 'deadline', 'result', 'rating', 'comment', 'until', 'note'].includes(path)
            ? path
            : undefined

/** The district's departments, the case's own first. */
const departmentOptions = (list: Department[], d: CaseDetail) =>
  [{ id: d.departmentId, name: d.departmentName }, ...list.filter((x) => x.id !== d.departmentId)].map((x) => ({ label: x.name, value: x.id }))

const conflictCodes = ['case.conflict', 'case.invalidTransition']

/**
 * The form for one event on a case: the fields its body needs (caseEventSchema), checked locally with the same
 * schema, then fired with the case version. A 409 (someone else moved the case) goes to `onConflict`.
 */
export function ActionForm(props: {
  type: CaseEventType
  detail: CaseDetail
  departments: Department[]
  onDone: (d: CaseDetail) => void
  onConflict: (message: string) => void
}) {
  const { type, detail } = props
  const [reason, setReason] = useState('')
  const [departmentId, setDepartmentId] = useState(detail.departmentId)
  const [officialIds, setOfficialIds] = useState<string[]>([])
  const [hours, setHours] = useState(0)
  const [result, setResult] = useState('')
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')
  const [coDepartmentIds, setCoDepartmentIds] = useState<string[]>([])
  const [days, setDays] = useState(extensionDays[0]!)
  const [note, setNote] = useState('')
  const me = useSession()?.user.id
  // 联办: the caller's own co-department task.
  const task = detail.tasks.find((t) => t.status !== 'done' && t.assignees.some((a) => a.id === me))
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)

  const body = (): Record<string, unknown> => {
    switch (type) {
      case 'dispatch':
        return {
          type,
          departmentId,
          officialIds: officialIds.length ? officialIds : undefined,
          deadline: hours ? new Date(Date.now() + hours * 3600_000).toISOString() : undefined,
          coDepartmentIds: coDepartmentIds.length ? coDepartmentIds.filter((id) => id !== departmentId) : undefined,
        }
      case 'request_extension':
        return { type, reason, until: new Date(Date.parse(detail.clock?.deadline ?? detail.deadlines.resolveBy) + days * 86_400_000).toISOString() }
      case 'supervise':
        return { type, note }
      case 'start_task':
        return { type, departmentId: task?.departmentId }
      case 'finish_task':
        return { type, departmentId: task?.departmentId, note, photoKeys: photoKeys(photos) }
      case 'resolve':
        return { type, result, photoKeys: photoKeys(photos) }
      case 'confirm':
        return { type, rating: rating || undefined, comment: comment.trim() || undefined }
      case 'withdraw':
        return { type, reason: reason.trim() || undefined }
      default:
        return withReason.includes(type) ? { type, reason } : { type }
    }
  }

  const submit = async () => {
    if (busy) return
    if (isUploading(photos)) return void Taro.showToast({ title: '图片上传中，请稍候', icon: 'none' })
    const parsed = caseEventSchema.safeParse({ ...body(), version: detail.version })
    if (!parsed.success) return setErrors(zodErrors(parsed.error, fieldOf))
    setErrors({})
    const consent = type === 'reopen' ? askSubscribe([...caseProgressTemplates]) : staffEvents.includes(type) ? askSubscribe(['case_alert']) : Promise.resolve() // inside the tap
    setBusy(true)
    try {
      const next = await call(fireCaseEvent, { params: { id: detail.id }, body: parsed.data })
      await tellConsent(consent, type === 'reopen' ? '事件详情' : '工作台')
      props.onDone(next)
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && conflictCodes.includes(e.code)) return props.onConflict(e.message)
      setErrors(apiErrors(e, fieldOf))
    } finally {
      setBusy(false)
    }
  }

  const label = caseEventLabels[type]
  return (
    <View className={`case-action-form case-action-form--${type}`}>
      {withReason.includes(type) && (
        <CellGroup title={reasonTitle[type]}>
          <TextArea
            className='case-action__reason'
            value={reason}
            onChange={setReason}
            maxLength={200}
            showCount
            rows={3}
            placeholder='请填写原因（2–200 字）'
          />
          <FieldError name='reason' message={errors.reason} />
        </CellGroup>
      )}
      {type === 'dispatch' && (
        <>
          <CellGroup title='派往部门'>
            <RadioGroup
              className='case-action__department'
              value={departmentId}
              onChange={(v) => (setDepartmentId(String(v)), setOfficialIds([]))}
              options={departmentOptions(props.departments, detail)}
            />
            <FieldError name='department' message={errors.department} />
          </CellGroup>
          <CellGroup title='指派人员（不选则派给该部门全部工作人员）'>
            <CheckboxGroup
              className='case-action__officials'
              value={officialIds}
              onChange={(v) => setOfficialIds(v)}
              options={(props.departments.find((d) => d.id === departmentId)?.officials ?? []).map((o) => ({
                label: o.name,
                value: o.id,
                disabled: false,
                onChange: () => undefined,
              }))}
            />
            <FieldError name='officials' message={errors.officials} />
          </CellGroup>
          <CellGroup title='处置期限'>
            <RadioGroup
              className='case-action__deadline'
              direction='horizontal'
              value={String(hours)}
              onChange={(v) => setHours(Number(v))}
              options={deadlines.map((h) => ({ label: deadlineLabel(h), value: String(h) }))}
            />
            <FieldError name='deadline' message={errors.deadline} />
          </CellGroup>
        </>
      )}
      {type === 'dispatch' && (
        <CellGroup title='联办部门（选填，最多 4 个，各自办理后由主办部门办结）'>
          <CheckboxGroup
            className='case-action__co-departments'
            value={coDepartmentIds}
            max={4}
            onChange={(v) => setCoDepartmentIds(v)}
            options={props.departments
              .filter((d) => d.id !== departmentId)
              .map((d) => ({ label: d.name, value: d.id, disabled: false, onChange: () => undefined }))}
          />
          <FieldError name='coDepartments' message={errors.coDepartments} />
        </CellGroup>
      )}
      {type === 'request_extension' && (
        <CellGroup title={`延期多久（现办结时限 ${formatTime(detail.clock?.deadline ?? detail.deadlines.resolveBy)}）`}>
          <RadioGroup
            className='case-action__until'
            direction='horizontal'
            value={String(days)}
            onChange={(v) => setDays(Number(v))}
            options={extensionDays.map((d) => ({ label: `延期 ${d} 天`, value: String(d) }))}
          />
          <FieldError name='until' message={errors.until} />
        </CellGroup>
      )}
      {type === 'approve_extension' && detail.extension && (
        <Text className='case-action-form__hint'>
          {detail.extension.byName}申请将办结时限延至 {formatTime(detail.extension.until)}：{detail.extension.reason}
        </Text>
      )}
      {(type === 'supervise' || type === 'finish_task') && (
        <CellGroup title={type === 'supervise' ? '督办意见（处置人员和坐席会收到通知）' : `${task?.departmentName ?? ''}办理情况`}>
          <TextArea
            className='case-action__note'
            value={note}
            onChange={setNote}
            maxLength={type === 'supervise' ? 200 : 500}
            showCount
            rows={3}
            placeholder='请填写（至少 2 个字）'
          />
          <FieldError name='note' message={errors.note} />
          {type === 'finish_task' && <PhotoUploader purpose='result_photo' max={9} photos={photos} setPhotos={setPhotos} />}
        </CellGroup>
      )}
      {type === 'resolve' && (
        <CellGroup title='处置结果'>
          <TextArea
            className='case-action__result'
            value={result}
            onChange={setResult}
            maxLength={500}
            showCount
            rows={4}
            placeholder='请说明处置情况（2–500 字）'
          />
          <FieldError name='result' message={errors.result} />
          <PhotoUploader purpose='result_photo' max={9} photos={photos} setPhotos={setPhotos} />
          <FieldError name='photos' message={errors.photos} />
        </CellGroup>
      )}
      {type === 'confirm' && (
        <CellGroup title='为本次办理评分'>
          <View className='case-action__rating'>
            <Rate value={rating} onChange={setRating} />
          </View>
          <FieldError name='rating' message={errors.rating} />
          <TextArea
            className='case-action__comment'
            value={comment}
            onChange={setComment}
            maxLength={200}
            showCount
            rows={3}
            placeholder='说说你的评价（选填）'
          />
          <FieldError name='comment' message={errors.comment} />
        </CellGroup>
      )}
      {!withReason.includes(type) && !['dispatch', 'resolve', 'confirm', 'supervise', 'finish_task'].includes(type) && (
        <Text className='case-action-form__hint'>确认要{label}吗？</Text>
      )}
      <FieldError name='form' message={errors._form} />
      <View className='case-action-form__footer'>
        <Button block type='primary' className='case-action__submit' loading={busy} onClick={submit}>
          确认{label}
        </Button>
        <SafeArea position='bottom' />
      </View>
    </View>
  )
}
