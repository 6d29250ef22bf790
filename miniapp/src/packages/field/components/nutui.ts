/** NutUI components only the field subpackage uses (kept out of the main package), plus the main ones. */
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tabpane/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/checkboxgroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/inputnumber/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/safearea/style/css'

export * from '../../../components/nutui'
export { TextArea, Tabs, TabPane, RadioGroup, Checkbox, CheckboxGroup, SearchBar, InputNumber, SafeArea } from '@nutui/nutui-react-taro'
