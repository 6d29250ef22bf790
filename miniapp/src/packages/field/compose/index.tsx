import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { createAnnouncement } from '@linli/shared'
import type { ApiError } from '../../../api/request'
import { useKeyedCall } from '../../../components/use-keyed-call'
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
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<Record<string, string>>({})
  const send = useKeyedCall('an')

  const publish = async () => {
    if (isUploading(photos)) return void Taro.showToast({ title: '图片还在上传', icon: 'none' })
    setBusy(true)
    setProblems({})
    try {
      const made = await send(createAnnouncement, { body: { gridId: params.gridId!, title, body, ackRequired, imageKeys: photoKeys(photos) } })
      void Taro.redirectTo({ url: `/packages/field/notice/index?id=${made.id}` })
    } catch (e) {
      const err = e as ApiError
      setProblems(Object.fromEntries((err.fields ?? []).map((f) => [f.path.split('.')[0]!, f.message])))
      void Taro.showToast({ title: err.fields?.[0]?.message ?? err.message ?? '发布失败', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className={`${pageClass} compose`} signedOut={!session}>
      {() => {
        return (
          <>
            <CellGroup title='标题'>
              <Input className='compose__title' placeholder='如：周六上午停水通知' maxLength={30} value={title} onChange={setTitle} />
              {problems.title && <Cell className='compose__problem' title={problems.title} />}
            </CellGroup>
            <CellGroup title='正文'>
              <View className='compose__body'>
                <TextArea value={body} onChange={setBody} maxLength={1000} showCount rows={6} placeholder='通知的内容：时间、地点、需要住户做什么' />
              </View>
              {problems.body && <Cell className='compose__problem' title={problems.body} />}
            </CellGroup>
            <CellGroup title='图片（选填）'>
              <View className='compose__photos'>
                <PhotoUploader purpose='checkin_photo' max={6} photos={photos} setPhotos={setPhotos} />
              </View>
            </CellGroup>
            <Cell title='请住户回复已知晓' extra={<Checkbox className='compose__ack' checked={ackRequired} onChange={setAckRequired} />} />
            <View className='compose__footer'>
              <Button block type='primary' className='compose__publish' loading={busy} onClick={publish}>
                发布
              </Button>
            </View>
          </>
        )
      }}
    </PageShell>
  )
}
