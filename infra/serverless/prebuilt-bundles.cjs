/**
 * Local only: when LINLI_API_BUNDLE names a folder of bundles made beforehand (infra/local/api-bundle.ts, reused
 * while the functions' sources are unchanged), `serverless offline` runs them as they are: serverless-esbuild skips
 * every function and serverless-offline loads from that folder. Without it serverless-esbuild bundles each function
 * at start (and rebuilds on change, as `npm start` wants). Listed before serverless-esbuild, so its hook runs first.
 */
class PrebuiltBundles {
  constructor(serverless) {
    const dir = process.env.LINLI_API_BUNDLE
    this.hooks = dir
      ? {
          'before:offline:start:init': () => {
            for (const fn of Object.values(serverless.service.functions ?? {})) fn.skipEsbuild = true
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
