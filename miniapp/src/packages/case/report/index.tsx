import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { caseProgressTemplates, submitCase, type CategoryClass } from '@linli/shared'
import { loadCategories } from '../../../api/categories'
import { ApiError, call } from '../../../api/request'
import { askSubscribe, tellConsent } from '../../../api/subscribe'
import { apiErrors, FieldError, zodErrors, type Errors } from '../../../components/field-error'
import { Button, Cell, CellGroup, Input, Switch, TextArea } from '../components/nutui'
import { isUploading, PhotoUploader, photoKeys, type PhotoItem } from '../../../components/photo-uploader'
import { useSession } from '../../../components/use-session'
import { takeReportSeed } from '../../../utils/report-seed'
import { CategoryField } from './category-field'
import { clearDraft, loadDraft, newDraft, saveDraft, type Draft } from './draft'
import { LocationField } from './location-field'
import { NearbyCases } from './nearby'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

/** Which field of the form a request path (`location.address`, `photoKeys.2`, …) belongs to. */
function fieldOf(path: string): string | undefined {
  if (path === 'categoryId') return 'category'
  if (path === 'location.address') return 'address'
  if (path === 'location.gridId') return 'location'
  if (path.startsWith('location')) return 'location'
  if (path.startsWith('photoKeys')) return 'photos'
  if (path === 'description' || path === 'contactPhone') return path
  return undefined
}

const openCase = (id: string) => Taro.redirectTo({ url: `/packages/case/detail/index?id=${id}` })

/** 随手拍上报: category, description, photos, location; nearby similar cases first; kept as a draft until sent. */
export default function Report() {
  const pageClass = usePageClass()
  useSession()
  const [draft, setDraft] = useState<Draft>(() => {
    // A finding on patrol or on a visit starts a fresh report where it was found, with its photos.
    const seed = takeReportSeed()
    return seed ? { ...newDraft(), location: seed.location, photos: seed.photos, description: seed.description ?? '' } : loadDraft()
  })
  const [photos, setPhotos] = useState<PhotoItem[]>(() => draft.photos.map((p) => ({ id: p.key, path: p.path, key: p.key, progress: 100 })))
  const [classes, setClasses] = useState<CategoryClass[]>()
  const [catError, setCatError] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const done = useRef(false)
  const asked = useRef(false)

  const update = (change: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...change }))
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(change)) delete next[k === 'categoryPath' ? 'category' : k]
      return next
    })
  }

  useEffect(() => {
    if (!done.current) saveDraft({ ...draft, photos: photos.flatMap((p) => (p.key ? [{ key: p.key, path: p.path }] : [])) })
  }, [draft, photos])

  const fetchCategories = () => {
    setCatError('')
    loadCategories().then(setClasses, (e: Error) => setCatError(e.message || '分类加载失败'))
  }

  useEffect(() => {
    fetchCategories()
    if (draft.description || draft.photos.length) void Taro.showToast({ title: '已恢复未提交的草稿', icon: 'none' })
  }, [])

  const finish = (go: () => unknown) => {
    done.current = true
    clearDraft()
    go()
  }

  const validate = () => {
    const errs: Errors = {}
    if (!draft.categoryPath[1]) errs.category = '请选择问题分类'
    const address = draft.address.trim() || undefined
    const parsed = submitCase.body.safeParse({
      categoryId: draft.categoryPath[1] ?? 'none',
      description: draft.description,
      location: draft.location ? { ...draft.location, address } : { gridId: draft.grid?.id, address },
      photoKeys: photoKeys(photos),
      anonymous: draft.anonymous,
      contactPhone: draft.contactPhone.trim() || undefined,
    })
    if (!parsed.success) return { errors: { ...zodErrors(parsed.error, fieldOf), ...errs } }
    return { errors: errs, body: parsed.data }
  }

  const onDuplicateKey = async () => {
    const { confirm } = await Taro.showModal({
      title: '此前的提交已成功',
      content: '修改前的内容已经上报成功。要把修改后的内容作为一件新问题再次上报吗？',
      confirmText: '再次上报',
      cancelText: '查看上报',
    })
    if (confirm) update({ idempotencyKey: newDraft().idempotencyKey })
    else finish(() => Taro.redirectTo({ url: '/packages/case/list/index?view=mine' }))
  }

  const submit = async () => {
    if (busy) return
    if (isUploading(photos)) return void Taro.showToast({ title: '图片上传中，请稍候', icon: 'none' })
    if (photos.some((p) => p.error)) return void Taro.showToast({ title: '有图片上传失败，请点击重试或删除', icon: 'none' })
    const { errors: errs, body } = validate()
    setErrors(errs)
    if (!body || Object.keys(errs).length) return void Taro.showToast({ title: '请按提示修改后再提交', icon: 'none' })
    // Consent must be asked inside the tap: start it now, before the request.
    const consent = asked.current ? Promise.resolve() : askSubscribe([...caseProgressTemplates])
    asked.current = true
    setBusy(true)
    try {
      const created = await call(submitCase, { body }, { headers: { 'Idempotency-Key': draft.idempotencyKey } })
      // An emergency someone reported here minutes ago is joined, not filed again: its officials are on their way.
      await tellConsent(consent, '“我的上报”', created.following ? '邻居已报告此紧急情况，已为你关注进展' : '上报成功')
      finish(() => openCase(created.id))
    } catch (e) {
      if (e instanceof ApiError && e.code === 'idempotency.mismatch') return void onDuplicateKey()
      const found = apiErrors(e, fieldOf)
      setErrors(found)
      const message = e instanceof ApiError && e.status === 0 ? `${e.message}，草稿已保存` : (found._form ?? '请按提示修改后再提交')
      void Taro.showToast({ title: message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className={`${pageClass} report`}>
      <CellGroup>
        <CategoryField
          classes={classes}
          loadError={catError}
          onRetry={fetchCategories}
          path={draft.categoryPath}
          name={draft.categoryName}
          error={errors.category}
          onChange={(categoryPath, categoryName) => update({ categoryPath, categoryName })}
        />
      </CellGroup>
      <NearbyCases categoryId={draft.categoryPath[1]} location={draft.location} onFollowed={(id) => finish(() => openCase(id))} />
      <CellGroup title='问题描述'>
        <View className='report__description'>
          <TextArea
            value={draft.description}
            onChange={(description) => update({ description })}
            maxLength={500}
            showCount
            rows={4}
            placeholder='请描述问题（5–500 字），如：3 栋门口垃圾堆放多日无人清理'
          />
        </View>
        <FieldError name='description' message={errors.description} />
      </CellGroup>
      <CellGroup title='现场照片（最多 9 张）'>
        <PhotoUploader purpose='case_photo' max={9} photos={photos} setPhotos={setPhotos} />
        <FieldError name='photos' message={errors.photos} />
      </CellGroup>
      <CellGroup title='问题位置'>
        <LocationField draft={draft} update={update} errors={errors} setError={(name, message) => setErrors((e) => ({ ...e, [name]: message }))} />
      </CellGroup>
      <CellGroup title='联系方式'>
        <Cell
          title='匿名上报'
          description='开启后处理人员看不到你的姓名'
          extra={<Switch className='report__anonymous' ariaLabel='匿名上报' checked={draft.anonymous} onChange={(anonymous) => update({ anonymous })} />}
        />
        <Input
          className='report__phone'
          type='number'
          placeholder='联系电话（选填），便于工作人员回访'
          maxLength={11}
          value={draft.contactPhone}
          onChange={(contactPhone) => update({ contactPhone })}
        />
        <FieldError name='contactPhone' message={errors.contactPhone} />
      </CellGroup>
      <FieldError name='form' message={errors._form} />
      <View className='report__footer'>
        <Button block type='primary' className='report__submit' loading={busy} onClick={submit}>
          {isUploading(photos) ? '图片上传中…' : '提交上报'}
        </Button>
      </View>
    </View>
  )
}
