/** The NutUI components the photo widgets use (the case and field subpackages share them). */
import '@nutui/nutui-react-taro/dist/es/packages/image/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css'

export { Image, Progress } from '@nutui/nutui-react-taro'
