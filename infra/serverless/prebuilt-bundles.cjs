/**
 * Local only: when LINLI_API_BUNDLE names a folder of bundles made beforehand (infra/local/api-bundle.ts, reused
 * while the functions' sources are unchanged), `serverless offline` runs them as they are: serverless-esbuild skips
 * every function and serverless-offline loads from that folder, and serverless-esbuild watches no file (its watcher
 * rebundles on every change it sees: the packaging beside the tests writes thousands of files, and the API process
 * ran out of memory). Without it serverless-esbuild bundles each function at start and rebuilds when the functions'
 * sources change, as `npm start` wants. Listed before serverless-esbuild, so its hook runs first.
 */
class PrebuiltBundles {
  constructor(serverless) {
    const dir = process.env.LINLI_API_BUNDLE
    this.hooks = dir
      ? {
          'before:offline:start:init': () => {
            for (const fn of Object.values(serverless.service.functions ?? {})) fn.skipEsbuild = true
            const esbuild = serverless.pluginManager.plugins.find((p) => p.constructor.name === 'EsbuildServerlessPlugin')
            if (esbuild?.buildOptions) esbuild.buildOptions.watch = { ...esbuild.buildOptions.watch, pattern: [] }
            serverless.service.custom = {
              ...serverless.service.custom,
              'serverless-offline': { ...serverless.service.custom?.['serverless-offline'], location: dir },
            }
          },
        }
      : {}
  }
}

module.exports = PrebuiltBundles
