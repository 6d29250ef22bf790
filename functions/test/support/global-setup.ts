/** Starts one local cloud for the whole run, on free ports, DynamoDB in memory. Tests read its URLs from env. */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { mkdtempSync } from 'node:fs'
import { startLocalCloud } from '../../../infra/local/cloud'
import { freePorts } from '../../../infra/local/ports'

export default async function globalSetup() {
  // An admin's change to a room shows within 2 s instead of a minute, so the tests need not wait.
  process.env.CATALOGUE_TTL_SECONDS = '2'
  const logDir = mkdtempSync(join(tmpdir(), 'linli-test-'))
  const cloud = await startLocalCloud({
    ports: await freePorts(),
    secrets: { wechatSecret: randomBytes(8).toString('hex'), sessionSecret: randomBytes(32).toString('hex'), idSalt: randomBytes(16).toString('hex') },
    logDir,
    serveH5: process.env.LINLI_SKIP_H5 !== '1',
    prebuiltApi: true,
  })
  ;(globalThis as { __linliCloud?: typeof cloud }).__linliCloud = cloud
  process.env.LINLI_TEST_CLOUD = JSON.stringify({ urls: cloud.urls, env: cloud.env, logDir })
}
