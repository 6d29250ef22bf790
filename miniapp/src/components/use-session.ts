import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { getSession, goToLogin, onSessionChange, type Session } from '../api/session'

/**
 * The session, re-read each time the page shows and whenever it changes. A page that cannot be shown signed-out
 * (`required`) gives way to the sign-in page, which returns here; a public page (home, 我的网格, the rooms, a grid's
 * notices) shows itself to a guest.
 */
export function useSession(required = true): Session | undefined {
  const [session, setSession] = useState(getSession)
  useEffect(() => {
    const reread = () => setSession(getSession())
    // A change between the first render and this subscription (a sign-in at launch) is not missed.
    reread()
    return onSessionChange(reread)
  }, [])
  useDidShow(() => {
    const s = getSession()
    if (!s && required) void goToLogin(true)
    setSession(s)
  })
  return session
}

/** For an action of a public page: the session, or the sign-in page opened over this one (undefined). */
export function sessionFor(): Session | undefined {
  const s = getSession()
  if (!s) void goToLogin()
  return s
}
