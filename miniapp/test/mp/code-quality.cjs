/**
 * Runs miniprogram-ci's checkCodeQuality on a compiled weapp (argv[2]) and prints its items as JSON. A process of its
 * own: the package leaves a file watcher open, so this exits when the answer is out.
 */
const { mkdtempSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')
const ci = require('miniprogram-ci')

// The scan needs a private key file only to exist: an empty one stands in, nothing is uploaded.
const key = join(mkdtempSync(join(tmpdir(), 'linli-mpci-')), 'private.key')
writeFileSync(key, '')
const project = new ci.Project({
  appid: 'wx0000000000000000',
  type: 'miniProgram',
  projectPath: process.argv[2],
  privateKeyPath: key,
  ignores: ['node_modules/**/*'],
})
ci.checkCodeQuality(project).then(
  (items) => {
    process.stdout.write(`\n${JSON.stringify(items)}\n`)
    process.exit(0)
  },
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
