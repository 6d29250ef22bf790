import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { createAnnouncement } from '@linli/shared'
import { useRouteForm } from '../../../components/use-route-form'
import { FieldError } from '../../../components/field-error'
import { isUploading, photoKeys, PhotoUploader, type PhotoItem } from '../../../components/photo-uploader'
import { useSession } from '../../../components/use-session'
import { Button, Cell, CellGroup, Checkbox, Input, TextArea } from '../components/nutui'
import { PageShell } from '../../../components/page-shell'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

/** 发布通知: title, text, photos and 请回复已知晓; WeChat checks the text before it is published. */
export default function Compose() {
  const pageClass = usePageClass()
  const session = useSession()
  const { params } = useRouter()
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [ackRequired, setAckRequired] = useState(true)
  const [photos, setPhotos] = useState<PhotoItem[]>([])
  const form = useRouteForm(createAnnouncement, { keyPrefix: 'an' })

  const publish = async () => {
    if (isUploading(photos)) return void Taro.showToast({ title: '图片还在上传', icon: 'none' })
    const made = await form.submit({ body: { gridId: params.gridId!, title, body, ackRequired, imageKeys: photoKeys(photos) } })
    if (made) void Taro.redirectTo({ url: `/packages/field/notice/index?id=${made.id}` })
  }

  return (
    <PageShell className={`${pageClass} compose`} signedOut={!session}>
      {() => {
        return (
          <>
            <CellGroup title='标题'>
              <Input className='compose__title' placeholder='如：周六上午停水通知' maxLength={30} value={title} onChange={setTitle} />
              <FieldError name='title' message={form.errors.title} />
            </CellGroup>
            <CellGroup title='正文'>
              <View className='compose__body'>
                <TextArea value={body} onChange={setBody} maxLength={1000} showCount rows={6} placeholder='通知的内容：时间、地点、需要住户做什么' />
              </View>
              <FieldError name='body' message={form.errors.body} />
            </CellGroup>
            <CellGroup title='图片（选填）'>
              <View className='compose__photos'>
                <PhotoUploader purpose='checkin_photo' max={6} photos={photos} setPhotos={setPhotos} />
              </View>
              <FieldError name='imageKeys' message={form.errors.imageKeys} />
            </CellGroup>
            <Cell
              title='请住户回复已知晓'
              extra={
                <View ariaLabel='请住户回复已知晓'>
                  <Checkbox className='compose__ack' checked={ackRequired} onChange={setAckRequired} />
                </View>
              }
            />
            <FieldError name='form' message={form.errors._form ?? form.errors.gridId} />
            <View className='compose__footer'>
              <Button block type='primary' className='compose__publish' loading={form.busy} onClick={publish}>
                发布
              </Button>
            </View>
          </>
        )
      }}
    </PageShell>
  )
}
