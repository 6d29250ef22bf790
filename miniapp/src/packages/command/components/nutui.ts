/** NutUI components only the command centre's settings use (kept out of the main package), plus the main ones. */
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css'

export * from '../../../components/nutui'
export { RadioGroup } from '@nutui/nutui-react-taro'
