import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { caseEventLabels, caseEventSchema, fireCaseEvent, type CaseDetail, type CaseEventType } from '@linli/shared'
import type { Department } from '../../../api/categories'
import { ApiError, call } from '../../../api/request'
import { askSubscribe } from '../../../api/subscribe'
import { apiErrors, FieldError, zodErrors, type Errors } from '../components/field-error'
import { Button, CellGroup, CheckboxGroup, RadioGroup, Rate, TextArea } from '../components/nutui'
import { isUploading, PhotoUploader, photoKeys, type PhotoItem } from '../components/photo-uploader'

const withReason: CaseEventType[] = ['reject', 'withdraw', 'return', 'reopen', 'escalate', 'refer', 'report']
const reasonTitle: Partial<Record<CaseEventType, string>> = {
  reject: '不予受理的原因',
  withdraw: '撤回原因（选填）',
  return: '退回原因',
  reopen: '不满意的原因',
  escalate: '上报上级的原因',
  refer: '转人民调解的说明（居民将据此预约说事）',
  report: '举报原因（如泄露隐私、不实信息、广告），只有调度员能看到',
}
/** 处置期限 presets for a dispatch, in hours; 0: the category's own time limit. */
const deadlines = [0, 4, 24, 72, 168]
const deadlineLabel = (h: number) => (h === 0 ? '按分类时限' : h < 24 ? `${h} 小时内` : `${h / 24} 天内`)

const fieldOf = (path: string) =>
  path === 'departmentId' ? 'department' : path.startsWith('officialIds') ? 'officials' : path.startsWith('photoKeys') ? 'photos' : ['reason', 'deadline', 'result', 'rating', 'comment'].includes(path) ? path : undefined

/** The district's departments, the case's own first. */
const departmentOptions = (list: Department[], d: CaseDetail) =>
  [{ id: d.departmentId, name: d.departmentName }, ...list.filter((x) => x.id !== d.departmentId)].map((x) => ({ label: x.name, value: x.id }))

const conflictCodes = ['case.conflict', 'case.invalidTransition']

/**
 * The form for one event on a case: the fields its body needs (caseEventSchema), checked locally with the same
 * schema, then fired with the case version. A 409 (someone else moved the case) goes to `onConflict`.
 */
export function ActionForm(props: { type: CaseEventType; detail: CaseDetail; departments: Department[]; onDone: (d: CaseDetail) => void; onConflict: (message: string) => void }) {
  const { type, detail } = props
  const [reason, setReason] = useState('')
  const [departmentId, setDepartmentId] = useState(detail.departmentId)
  const [officialIds, setOfficialIds] = useState<string[]>([])
  const [hours, setHours] = useState(0)
  const [result, setResult] = useState('')
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)

  const body = (): Record<string, unknown> => {
    switch (type) {
      case 'dispatch':
        return { type, departmentId, officialIds: officialIds.length ? officialIds : undefined, deadline: hours ? new Date(Date.now() + hours * 3600_000).toISOString() : undefined }
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
    const consent = type === 'reopen' ? askSubscribe(['case_progress']) : Promise.resolve() // inside the tap
    setBusy(true)
    try {
      const next = await call(fireCaseEvent, { params: { id: detail.id }, body: parsed.data })
      await consent
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
          <TextArea className='case-action__reason' value={reason} onChange={setReason} maxLength={200} showCount rows={3} placeholder='请填写原因（2–200 字）' />
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
              options={(props.departments.find((d) => d.id === departmentId)?.officials ?? []).map((o) => ({ label: o.name, value: o.id, disabled: false, onChange: () => undefined }))}
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
      {type === 'resolve' && (
        <CellGroup title='处置结果'>
          <TextArea className='case-action__result' value={result} onChange={setResult} maxLength={500} showCount rows={4} placeholder='请说明处置情况（2–500 字）' />
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
          <TextArea className='case-action__comment' value={comment} onChange={setComment} maxLength={200} showCount rows={3} placeholder='说说你的评价（选填）' />
          <FieldError name='comment' message={errors.comment} />
        </CellGroup>
      )}
      {!withReason.includes(type) && !['dispatch', 'resolve', 'confirm'].includes(type) && <Text className='case-action-form__hint'>确认要{label}吗？</Text>}
      <FieldError name='form' message={errors._form} />
      <View className='case-action-form__footer'>
        <Button block type='primary' className='case-action__submit' loading={busy} onClick={submit}>
          确认{label}
        </Button>
      </View>
    </View>
  )
}
