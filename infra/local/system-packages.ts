/** Programs the local cloud and the tests need from the machine, installed from Debian's packages when missing. */
import { execFileSync, spawnSync } from 'node:child_process'

let updated = false

function ensure(binary: string, versionArg: string, debianPackage: string, why: string, log: (line: string) => void) {
  if (spawnSync(binary, [versionArg]).status === 0) return
  const isRoot = process.getuid?.() === 0
  const hasApt = spawnSync('apt-get', ['--version']).status === 0
  if (!isRoot || !hasApt) throw new Error(`${binary} is missing: install ${debianPackage} (${why})`)
  log(`Installing ${debianPackage} (${why}) …`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  if (!updated) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  updated = true
  execFileSync('apt-get', ['install', '-y', '-qq', debianPackage], { stdio: 'inherit', env })
}

export const ensureJava = (log: (line: string) => void = console.log) => ensure('java', '-version', 'default-jre-headless', 'for DynamoDB Local', log)

export const ensureChromium = (log: (line: string) => void = console.log) => ensure('chromium', '--version', 'chromium', 'for the browser tests', log)

export const ensurePoppler = (log: (line: string) => void = console.log) =>
  ensure('pdftotext', '-v', 'poppler-utils', 'to read the PDFs the tests download', log)
