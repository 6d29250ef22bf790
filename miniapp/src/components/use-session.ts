import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { getSession, goToLogin, type Session } from '../api/session'

/** The session for a page that needs one: re-read each time the page shows; no session → the sign-in page. */
export function useSession(): Session | undefined {
  const [session, setSession] = useState(getSession)
  useDidShow(() => {
    const s = getSession()
    if (!s) goToLogin()
    setSession(s)
  })
  return session
}
