import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { renewSession } from './api/request'
import { getSession, hasAgreed } from './api/session'
import { mendAccessibility } from './h5-a11y'
import './app.scss'

export default function App({ children }: PropsWithChildren) {
  // A user who signed in before (and agreed to the terms) is signed in again silently when their session has
  // expired: wx.login needs no tap. Everyone else browses as a guest until an action needs an account.
  useLaunch(() => {
    if (!getSession() && hasAgreed()) void renewSession()
    if (process.env.TARO_ENV === 'h5') mendAccessibility()
  })
  return children
}
