/**
 * Lambda layers the stack makes itself: a library only a few functions use, bundled once (esbuild, one file) into a
 * layer that those functions attach, so it stays out of their zips (each ≤ 400 KB, DESIGN §8) and out of every other
 * function. The functions' bundles leave these modules external (serverless.yml `custom.esbuild.exclude`); locally
 * they resolve from node_modules as usual. Built before packaging into .layers/<name>/nodejs/node_modules/.
 */
const { mkdirSync, rmSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')

const ROOT = join(__dirname, '../..')

/** layer → the modules it carries and the functions that attach it. */
const layers = {
  spreadsheet: {
    description: "exceljs: the household roster read from and written to Excel, the command centre's case export",
    modules: { exceljs: 'exceljs/excel.js' },
    functions: ['householdsImport', 'householdsExport', 'commandCasesExport'],
  },
}

const logicalId = (name) => `${name[0].toUpperCase()}${name.slice(1)}LambdaLayer`

/** serverless.yml's `layers` section. */
const definitions = () =>
  Object.fromEntries(
    Object.entries(layers).map(([name, l]) => [
      name,
      { path: `.layers/${name}`, description: l.description, compatibleRuntimes: ['nodejs22.x'], compatibleArchitectures: ['arm64'] },
    ]),
  )

/** The layers a function attaches, as CloudFormation references. */
const layersOf = (fn) =>
  Object.entries(layers)
    .filter(([, l]) => l.functions.includes(fn))
    .map(([name]) => ({ Ref: logicalId(name) }))

function build() {
  const esbuild = require('esbuild')
  for (const [name, l] of Object.entries(layers)) {
    const dir = join(ROOT, '.layers', name)
    rmSync(dir, { recursive: true, force: true })
    for (const [module, entry] of Object.entries(l.modules)) {
      const out = join(dir, 'nodejs/node_modules', module)
      mkdirSync(out, { recursive: true })
      writeFileSync(join(out, 'package.json'), JSON.stringify({ name: module, main: 'index.js' }))
      esbuild.buildSync({
        entryPoints: [require.resolve(entry, { paths: [ROOT] })],
        bundle: true,
        platform: 'node',
        target: 'node22',
        format: 'cjs',
        minify: true,
        keepNames: true,
        outfile: join(out, 'index.js'),
        logLevel: 'error',
      })
    }
  }
}

class Layers {
  constructor(serverless) {
    this.hooks = {
      'before:package:initialize': build,
      // osls asks CloudFormation whether an unchanged layer is deployed already, which needs AWS even to package:
      // packaging stays offline (npm test), and a deploy uploads the layer again (a few hundred KB).
      'before:package:compileLayers': () => {
        for (const plugin of serverless.pluginManager.plugins) if (plugin.constructor.name === 'AwsCompileLayers') plugin.compareWithLastLayer = async () => {}
      },
    }
  }
}

module.exports = Layers
module.exports.definitions = definitions
module.exports.layersOf = layersOf
module.exports.external = () => Object.values(layers).flatMap((l) => Object.keys(l.modules))
