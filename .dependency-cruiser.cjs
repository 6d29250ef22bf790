/** Import boundaries of DESIGN.md §2 rule 10, checked in `npm test`. */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-nothing-of-ours',
      comment: 'shared/ is the language both sides speak: it may not depend on functions, infra or the mini-program.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(functions|infra|miniapp)/' },
    },
    {
      name: 'shared-does-no-io',
      comment: 'shared/ has no I/O, no AWS, no Taro.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'], path: '^(fs|http|https|net|child_process|node:)' },
    },
    {
      name: 'shared-no-platform-libraries',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: 'node_modules/(@aws-sdk|dynamodb-toolbox|@tarojs|react)/' },
    },
    {
      name: 'only-db-knows-dynamodb',
      comment: 'Only functions/src/db imports dynamodb-toolbox or the DynamoDB SDK.',
      severity: 'error',
      from: { pathNot: '^functions/src/db/' },
      to: { path: 'node_modules/(dynamodb-toolbox|@aws-sdk/(client-dynamodb|lib-dynamodb|util-dynamodb))/' },
    },
    {
      name: 'miniapp-never-imports-functions',
      severity: 'error',
      from: { path: '^miniapp/' },
      to: { path: '^(functions|infra)/' },
    },
    {
      name: 'functions-do-not-import-infra-or-miniapp',
      comment: 'Deployed code stands alone; only the test harness may start the local cloud.',
      severity: 'error',
      from: { path: '^functions/src/' },
      to: { path: '^(infra|miniapp)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(miniapp/dist|\\.esbuild|\\.serverless)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.cjs', '.json'] },
  },
}
