import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

const shared = path.resolve(__dirname, '../../shared')

/**
 * TARO_APP_STAGE: `local` compiles the persona picker in (H5 only); any other stage has no way to reach /dev.
 * TARO_APP_API_BASE: where the weapp build calls the API (https in production: WeChat allows no other); the H5 build
 * calls its own origin. TARO_APP_APPID: the mini-program's appid in the weapp build's project.config.json.
 * TARO_APP_TPL_CASE_ACCEPTED / _DISPATCHED / _RESOLVED / TARO_APP_TPL_DISPATCH / TARO_APP_TPL_ALERT: the WeChat subscribe-message template ids (LINLI_TEMPLATES).
 * TARO_APP_LONG_TERM_TEMPLATES: comma-separated template keys that are long-term (长期订阅) in this deployment (LINLI_LONG_TERM).
 */
export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2026-11-23',
    // NutUI is drawn for a 375 px design, our own styles for 750.
    designWidth: (input) => (typeof input === 'object' && input.file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750),
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-html', path.join(__dirname, 'appid-plugin.js')],
    defineConstants: {
      LINLI_STAGE: JSON.stringify(process.env.TARO_APP_STAGE ?? 'local'),
      LINLI_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000'),
      // Subscribe-message template ids per template key (WeChat 公众平台 → 订阅消息).
      LINLI_LONG_TERM: JSON.stringify(
        (process.env.TARO_APP_LONG_TERM_TEMPLATES ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      ),
      LINLI_TEMPLATES: JSON.stringify({
        case_accepted: process.env.TARO_APP_TPL_CASE_ACCEPTED ?? 'tpl-case-accepted',
        case_dispatched: process.env.TARO_APP_TPL_CASE_DISPATCHED ?? 'tpl-case-dispatched',
        case_resolved: process.env.TARO_APP_TPL_CASE_RESOLVED ?? 'tpl-case-resolved',
        case_dispatch: process.env.TARO_APP_TPL_DISPATCH ?? 'tpl-case-dispatch',
        case_alert: process.env.TARO_APP_TPL_ALERT ?? 'tpl-case-alert',
        booking_request: process.env.TARO_APP_TPL_BOOKING_REQUEST ?? 'tpl-booking-request',
        booking_status: process.env.TARO_APP_TPL_BOOKING_STATUS ?? 'tpl-booking-status',
        announcement: process.env.TARO_APP_TPL_ANNOUNCEMENT ?? 'tpl-announcement',
        booking_reminder: process.env.TARO_APP_TPL_BOOKING_REMINDER ?? 'tpl-booking-reminder',
      }),
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // The H5 build (the browser preview of the local stage and its tests) is minified by esbuild: ~36 s instead of ~56 s
    // with terser. The weapp keeps terser, whose output is ~10 % smaller (WeChat's package limits). Taro's default
    // esbuild target is es5, to which the code (ES2015+ after Babel) cannot be lowered.
    ...(process.env.TARO_ENV === 'h5' ? { jsMinimizer: 'esbuild' as const, esbuild: { minify: { enable: true, config: { target: 'es2015' } } } } : {}),
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: [shared] },
      postcss: { pxtransform: { enable: true, config: {} }, cssModules: { enable: false } },
      optimizeMainPackage: { enable: true },
      // NutUI's per-component styles and ours are imported in varying order; their rules do not overlap.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [shared] },
      router: { mode: 'hash' },
      // Taro splits only the first load (`chunks: 'initial'`, no minimum): each page's chunk carried its own copy of the
      // NutUI components and our own it shares with other pages (~10 MB of JS in all). Shared chunks of ≥ 30 KB load
      // once (2.7 MB in all); smaller ones stay in their pages (with no minimum, the first load became a dozen requests
      // and Lighthouse's LCP 0.3 s later).
      webpackChain(chain) {
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all', minSize: 30_000 })
      },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
    },
  }
  return config
})
