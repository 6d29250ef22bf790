import type { Dispatch, SetStateAction } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { choosePhotos, uploadPhoto, type PickedPhoto, type UploadPurpose } from '../api/upload'
import { randomId } from '../utils/format'
import { Image, Progress } from './photo-nutui'
import './photos.scss'

/** A photo being (or already) uploaded: `key` once S3 has it, `error` when the upload failed. */
export interface PhotoItem {
  id: string
  path: string
  key?: string
  progress: number
  error?: string
  file?: PickedPhoto
}

export const photoKeys = (photos: PhotoItem[]) => photos.flatMap((p) => (p.key ? [p.key] : []))
export const isUploading = (photos: PhotoItem[]) => photos.some((p) => !p.key && !p.error)

/** Pick photos and upload each to S3 with a progress bar; tap to preview, × to remove, tap a failed one to retry. */
export function PhotoUploader(props: { purpose: UploadPurpose; max: number; photos: PhotoItem[]; setPhotos: Dispatch<SetStateAction<PhotoItem[]>> }) {
  const { purpose, max, photos, setPhotos } = props
  const patch = (id: string, change: Partial<PhotoItem>) => setPhotos((list) => list.map((p) => (p.id === id ? { ...p, ...change } : p)))

  const send = (id: string, file: PickedPhoto) => {
    patch(id, { progress: 0, error: undefined })
    uploadPhoto(purpose, file, (progress) => patch(id, { progress })).then(
      (key) => patch(id, { key, progress: 100 }),
      (e: Error) => patch(id, { error: e.message || '上传失败' }),
    )
  }

  const add = async () => {
    const picked = await choosePhotos(max - photos.length)
    const items = picked.map((file): PhotoItem => ({ id: randomId(), path: file.path, progress: 0, file }))
    setPhotos((list) => [...list, ...items].slice(0, max))
    items.forEach((item) => send(item.id, item.file!))
  }

  const tap = (item: PhotoItem) => {
    if (item.error && item.file) return send(item.id, item.file)
    void Taro.previewImage({ current: item.path, urls: photos.map((p) => p.path) })
  }

  return (
    <View className='photos'>
      {photos.map((item) => (
        <View key={item.id} className={`photos__tile${item.error ? ' photos__tile--error' : ''}`} onClick={() => tap(item)}>
          <Image className='photos__image' src={item.path} width='100%' height='100%' mode='aspectFill' />
          {!item.key && !item.error && <Progress className='photos__progress' percent={item.progress} strokeWidth='4' />}
          {item.error && <Text className='photos__error'>上传失败{item.file ? '\n点击重试' : ''}</Text>}
          <Text
            className='photos__remove'
            onClick={(e) => {
              e.stopPropagation()
              setPhotos((list) => list.filter((p) => p.id !== item.id))
            }}
          >
            ×
          </Text>
        </View>
      ))}
      {photos.length < max && (
        <View className='photos__tile photos__add' onClick={add}>
          <Text className='photos__plus'>＋</Text>
          <Text className='photos__count'>
            {photos.length}/{max}
          </Text>
        </View>
      )}
    </View>
  )
}
