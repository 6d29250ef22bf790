import { useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { caseEventLabels, caseNotices, getCase, publicCase, unfollowCase, type CaseDetail, type CaseEventType, type Notice } from '@linli/shared'
import { loadDepartments, type Department } from '../../../api/categories'
import { ApiError, call } from '../../../api/request'
import { Button, Popup, SafeArea } from '../components/nutui'
import { StateView } from '../../../components/state-view'
import { useSession } from '../../../components/use-session'
import { ActionForm } from './action-form'
import { CaseInfo } from './case-info'
import { Notices } from './notices'
import { PublicView, shareTitle, type PublicCase } from './public-view'
import { Timeline } from './timeline'
import './index.scss'
import { usePageClass } from '../../../components/text-size'

const primary: CaseEventType[] = ['accept', 'dispatch', 'start', 'resolve', 'confirm']

/**
 * 事件详情: the case, its timeline, and a button for each event the server says the caller may fire now
 * (allowedEvents). Staff also see how its subscribe messages were delivered. Shared, it opens for anyone: who has no
 * part in the case (or has not signed in) sees its public view only, and so does the share card.
 */
export default function CaseDetailPage() {
  const pageClass = usePageClass()
  const session = useSession(false)
  const id = useRouter().params.id ?? ''
  const [detail, setDetail] = useState<CaseDetail>()
  const [pub, setPub] = useState<PublicCase>()
  const [error, setError] = useState('')
  const [notices, setNotices] = useState<Notice[]>()
  const [noticeError, setNoticeError] = useState('')
  const [departments, setDepartments] = useState<Department[]>([])
  const [action, setAction] = useState<CaseEventType>()
  const generation = useRef(0)
  const staff = !!session?.user.roles.some((r) => r.role !== 'resident')

  const loadNotices = () => {
    if (!staff) return
    call(caseNotices, { params: { id } }).then(
      (r) => (setNotices(r.items), setNoticeError('')),
      (e: unknown) => {
        // Not every staff member may see them (403), or the route is not there (404): show nothing.
        if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return setNotices(undefined)
        setNoticeError((e as Error).message)
      },
    )
  }

  const load = async () => {
    const gen = ++generation.current
    setError('')
    try {
      // Signed in, the case as the caller may see it; not theirs to see (404) or signed out, its public face.
      const d = session
        ? await call(getCase, { params: { id } }).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? undefined : Promise.reject(e)))
        : undefined
      const p = d ? undefined : await call(publicCase, { params: { id } })
      if (gen === generation.current) {
        setDetail(d)
        setPub(p)
      }
    } catch (e) {
      if (gen === generation.current) setError((e as Error).message)
    }
    loadNotices()
  }

  useEffect(() => {
    if (id) void load()
    else setError('缺少事件编号')
  }, [id, session?.token])

  // The card shows what anyone may know of the case: never its description, place or people.
  useShareAppMessage(() => {
    const shown = detail ?? pub
    return { title: shown ? shareTitle(shown) : '邻里 · 事件进展', path: `/packages/case/detail/index?id=${id}` }
  })

  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  useEffect(() => {
    if (detail?.allowedEvents.includes('dispatch') && !departments.length) {
      loadDepartments().then(setDepartments, () => undefined)
    }
  }, [detail?.allowedEvents.join()])

  const done = (next: CaseDetail) => {
    const label = action ? caseEventLabels[action] : ''
    setAction(undefined)
    setDetail(next)
    loadNotices()
    void Taro.showToast({ title: `已${label}`, icon: 'success' })
  }

  const conflict = (message: string) => {
    setAction(undefined)
    void Taro.showToast({ title: message, icon: 'none', duration: 2500 })
    void load()
  }

  /** "Me too" undone: the case leaves 我的上报, and the page (only a follower could see it) closes. */
  const unfollow = async () => {
    try {
      await call(unfollowCase, { params: { id } })
      void Taro.showToast({ title: '已取消关注', icon: 'success' })
      setTimeout(() => void Taro.navigateBack(), 800)
    } catch (e) {
      void Taro.showToast({ title: (e as Error).message, icon: 'none' })
    }
  }

  if (pub && !detail)
    return (
      <View className={`${pageClass} case`}>
        <PublicView c={pub} onFollowed={() => void load()} />
      </View>
    )
  if (!detail) return <View className={`${pageClass} case`}>{<StateView loading={!error} error={error} onRetry={() => void load()} />}</View>
  const events = detail.allowedEvents
  return (
    <View className={`${pageClass} case case--${detail.status}${events.length ? ' case--with-actions' : ''}`}>
      <CaseInfo detail={detail} />
      <Timeline items={detail.timeline} />
      {staff && (notices || noticeError) && <Notices items={notices ?? []} error={noticeError} />}
      {detail.referral?.bookable && (
        <View className='case__referral'>
          <Text className='muted'>这件纠纷已转人民调解：预约说事室的时段，调解结果将作为办结结果。</Text>
          <Button size='small' type='primary' onClick={() => void Taro.navigateTo({ url: `/packages/mediation/rooms/index?caseId=${detail.id}` })}>
            预约说事
          </Button>
        </View>
      )}
      {detail.following && (
        <View className='case__unfollow'>
          <Button size='small' fill='outline' onClick={() => void unfollow()}>
            取消关注
          </Button>
        </View>
      )}
      {events.length > 0 && (
        <View className='case__actions'>
          {events.map((type) => (
            <Button
              key={type}
              className={`case-action case-action--${type}`}
              type={primary.includes(type) ? 'primary' : 'default'}
              size='small'
              onClick={() => setAction(type)}
            >
              {caseEventLabels[type]}
            </Button>
          ))}
          <SafeArea position='bottom' />
        </View>
      )}
      <Popup
        visible={!!action}
        position='bottom'
        round
        closeable
        destroyOnClose
        title={action ? caseEventLabels[action] : ''}
        onClose={() => setAction(undefined)}
      >
        {action && <ActionForm key={action} type={action} detail={detail} departments={departments} onDone={done} onConflict={conflict} />}
      </Popup>
    </View>
  )
}
