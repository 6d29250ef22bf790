import { Component, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { StateView } from './state-view'

export interface ShellProps {
  /** The page's root classes (text size, its BEM block). */
  className: string
  /** A page that needs an account, opened signed out: useSession() has put the sign-in page over it; nothing shows. */
  signedOut?: boolean
  /** Its first load: under way, or failed (in words, with 重试 when `onRetry` is given). */
  loading?: boolean
  error?: string
  /** Nothing to show, in words (not a staff member of a grid, no room …). */
  empty?: string
  onRetry?: () => void
  /** What the page shows once it has what it needs (a function: it may read what is undefined until then). */
  children: () => ReactNode
}

/**
 * The frame of every page (DESIGN.md rule 11): the signed-out guard, the first load's loading / error / empty state,
 * and an error boundary, so a page that cannot show itself says so in words and offers a retry instead of a blank.
 */
export function PageShell(props: ShellProps) {
  const { className, signedOut, loading, error, empty, onRetry, children } = props
  if (signedOut) return <View className={className} />
  if (loading || error || empty)
    return (
      <View className={className}>
        <StateView loading={loading} error={error} empty={empty} onRetry={onRetry} />
      </View>
    )
  return (
    <Boundary className={className} onRetry={onRetry}>
      <View className={className}>{children()}</View>
    </Boundary>
  )
}

/** A page that throws while it draws shows the error and 重试 (which draws it again) instead of nothing. */
class Boundary extends Component<{ className: string; onRetry?: () => void; children: ReactNode }, { failed?: string }> {
  override state: { failed?: string } = {}
  static getDerivedStateFromError(err: unknown) {
    return { failed: err instanceof Error ? err.message : String(err) }
  }
  override componentDidCatch(err: unknown) {
    console.error('page failed to draw', err)
  }
  retry = () => {
    this.setState({ failed: undefined })
    this.props.onRetry?.()
  }
  override render() {
    if (this.state.failed)
      return (
        <View className={this.props.className}>
          <StateView error={`页面显示出错：${this.state.failed}`} onRetry={this.retry} />
        </View>
      )
    return this.props.children
  }
}
