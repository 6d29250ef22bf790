/** NutUI components only the admin console uses (kept out of the main package), plus the main ones. */
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tabpane/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/checkboxgroup/style/css'

export * from '../../../components/nutui'
export { Tabs, TabPane, RadioGroup, CheckboxGroup } from '@nutui/nutui-react-taro'
