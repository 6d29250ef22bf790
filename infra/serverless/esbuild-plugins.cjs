/**
 * esbuild plugins of the functions' bundles (serverless-esbuild's `plugins`): keep out what our code never runs,
 * so each function stays small and loads fast (DESIGN §8: ≤ 400 KB zipped).
 */
const { join } = require('node:path')

const stub = (filter, file) => ({
  name: `stub:${file}`,
  setup(build) {
    build.onResolve({ filter }, () => ({ path: join(__dirname, 'stubs', file) }))
  },
})

module.exports = [
  stub(/^brotli\/decompress(\.js)?$/, 'no-woff2.cjs'),
  // zod's locales need no stub: our code imports zod as a namespace (tree-shaken) and zh-CN alone (eslint.config.mjs).
]
