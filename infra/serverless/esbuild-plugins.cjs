/**
 * esbuild plugins of the functions' bundles (serverless-esbuild's `plugins`): keep out what our code never runs,
 * so each function stays small and loads fast (DESIGN §8: ≤ 400 KB zipped).
 */
const { join } = require('node:path')

const stub = (filter, file, importer = /./) => ({
  name: `stub:${file}`,
  setup(build) {
    build.onResolve({ filter }, (args) => (importer.test(args.importer) ? { path: join(__dirname, 'stubs', file) } : undefined))
  },
})

module.exports = [
  stub(/^brotli\/decompress(\.js)?$/, 'no-woff2.cjs'),
  // zod's `z.locales` carries every language (260 KB of each bundle); we speak Simplified Chinese only.
  stub(/^\.\.\/locales\/index\.c?js$/, 'zod-locales.mjs', /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/),
]
