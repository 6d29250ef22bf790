/** The NutUI components of the main package, with their styles: one place, so the bundle carries only these. */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/grid/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/griditem/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/noticebar/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/avatar/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css'
// NutUI's icons draw an SVG as a mask in the current colour (home's entries).
import '@nutui/icons-react-taro/dist/style_icon.css'

export { Button, Cell, CellGroup, Tag, Grid, GridItem, Empty, Loading, Input, NoticeBar, Avatar, Checkbox, Switch } from '@nutui/nutui-react-taro'
