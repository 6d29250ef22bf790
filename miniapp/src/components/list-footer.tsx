import { Text, View } from '@tarojs/components'
import { Button, Loading } from './nutui'
import type { PagedList } from './use-paged-list'

/**
 * The end of a paged list: loading the next page, a button to load it (besides scrolling), or 没有更多了. `block` is
 * the page's BEM block: the footer is `<block>__more`, its button `<block>__load-more`.
 */
export function ListFooter({ list, block }: { list: Pick<PagedList<unknown>, 'more' | 'hasMore' | 'loadMore'>; block: string }) {
  return (
    <View className={`list-footer ${block}__more`}>
      {list.more ? (
        <Loading>加载中…</Loading>
      ) : list.hasMore ? (
        <Button size='small' className={`${block}__load-more`} onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      ) : (
        <Text className='muted list-footer__end'>没有更多了</Text>
      )}
    </View>
  )
}
