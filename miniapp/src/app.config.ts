const weapp = process.env.TARO_ENV === 'weapp'
/** In WeChat a variable of theme.json (`@name`, one value per mode; Taro's types know only the values); elsewhere the light value. */
const colour = <T extends string>(name: string, light: T) => (weapp ? `@${name}` : light) as T

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/grid/index', 'pages/me/index', 'pages/login/index', 'pages/invite/index'],
  // The case loop lives in a subpackage: WeChat's main package stays small and opens fast.
  subPackages: [
    { root: 'packages/case', pages: ['report/index', 'list/index', 'detail/index'] },
    { root: 'packages/mediation', pages: ['rooms/index', 'room/index', 'bookings/index', 'booking/index', 'join/index', 'hours/index'] },
    {
      root: 'packages/field',
      pages: ['patrol/index', 'checkin/index', 'households/index', 'household/index', 'notices/index', 'notice/index', 'compose/index'],
    },
    // The district admin's console (部门与事件分类, 网格边界, 说事室, 工作人员, 变更记录), on the phone and in a PC browser.
    { root: 'packages/admin', pages: ['catalogue/index', 'edit/index', 'changes/index', 'grids/index', 'rooms/index', 'room/index', 'staff/index'] },
    // The command centre (指挥中心): the district's figures, map and rankings, on the phone and on a big screen.
    { root: 'packages/command', pages: ['screen/index', 'settings/index'] },
    // Interop: the district's Open311 partners and their api_keys (the admin).
    { root: 'packages/interop', pages: ['partners/index'] },
    // 用户协议 and 隐私政策, linked from the sign-in page.
    { root: 'packages/legal', pages: ['agreement/index', 'privacy/index'] },
  ],
  // The pages a tab opens next are fetched while the user looks at it (on any network: both are small).
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/case', 'packages/mediation', 'packages/field'] },
    'pages/grid/index': { network: 'all', packages: ['packages/case'] },
    'pages/me/index': { network: 'all', packages: ['packages/case', 'packages/mediation', 'packages/legal'] },
    'pages/login/index': { network: 'all', packages: ['packages/legal'] },
  },
  // Dark mode follows the phone: in WeChat the bars and the window take their colours from theme.json (light and
  // dark), the pages from app.scss's prefers-color-scheme. The H5 build's bars are drawn by Taro from plain colours.
  ...(weapp ? { darkmode: true, themeLocation: 'theme.json' } : {}),
  window: {
    // The pull-to-refresh dots in a grey that shows on the background (dark dots on light, light on dark).
    backgroundTextStyle: colour('bgTextStyle', 'dark'),
    navigationBarBackgroundColor: colour('navBgColor', '#ffffff'),
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: colour('navTxtStyle', 'black'),
    backgroundColor: colour('bgColor', '#f5f6f7'),
  },
  tabBar: {
    color: colour('tabColor', '#666666'),
    selectedColor: colour('tabSelectedColor', '#c4161c'),
    backgroundColor: colour('tabBgColor', '#ffffff'),
    borderStyle: colour('tabBorderStyle', 'black'),
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/grid/index', text: '我的网格', iconPath: 'assets/tab/grid.png', selectedIconPath: 'assets/tab/grid-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于定位你所在的网格、显示网格员联系方式，以及找到离你最近的说事室' },
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  // Only the components a page renders are injected when it opens (WeChat's 按需注入, checked by its code-quality scan).
  lazyCodeLoading: 'requiredComponents',
})
