/**
 * `npm start` beside a packaging run (issue 24, item 10): serverless-esbuild rebuilds on the changes its watcher sees,
 * so it must see the functions' sources only — never the packaging's work folder, the test bundles or the builds, which
 * a packaging run or a build fills with thousands of files (the API process rebundled on each and ran out of memory) —
 * and the packaging works in a folder of its own, not in the `.esbuild` that `npm start` serves.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import anymatch from 'anymatch'
import { PACKAGE_WORK } from './package'

const yml = parse(readFileSync(join(__dirname, '../../serverless.yml'), 'utf8'), { logLevel: 'error' }) as {
  custom: { esbuild: { outputWorkFolder: string; watch: { pattern: string[]; ignore: string[] } } }
}
const { pattern, ignore } = yml.custom.esbuild.watch
/** As chokidar (serverless-esbuild's watcher) matches them: anymatch over picomatch. */
const watched = (path: string) => anymatch(pattern, path) && !anymatch(ignore, path)

it('watches the sources of the functions and of shared/', () => {
  expect(['functions/src/http/cases/get.ts', 'functions/src/services/cases/submit.ts', 'shared/contract/route.ts'].filter(watched)).toHaveLength(3)
})

it('never what packaging, the tests or the builds write, nor tests and dependencies', () => {
  const written = [
    `${PACKAGE_WORK}/.build/functions/src/http/cases/get.js`,
    `${PACKAGE_WORK}/.build/node_modules/exceljs/index.ts`,
    '.esbuild/.build/functions/src/http/cases/get.js',
    '.esbuild-local/functions/src/http/cases/get.js',
    '.layers/exceljs/nodejs/node_modules/exceljs/index.js',
    'miniapp/dist/h5/js/app.js',
    'miniapp/src/app.tsx',
    'functions/src/services/cases/submit.test.ts',
    'shared/node_modules/zod/index.ts',
    'infra/local/start.ts',
  ]
  expect(written.filter(watched)).toEqual([])
})

it('packages in a work folder apart from the one `npm start` serves', () => {
  expect(yml.custom.esbuild.outputWorkFolder).toContain("'.esbuild'")
  expect(PACKAGE_WORK).not.toBe('.esbuild')
})
