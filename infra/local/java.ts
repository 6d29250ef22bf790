/** DynamoDB Local needs Java: on a fresh Debian machine install the headless JRE from Debian's packages. */
import { execFileSync, spawnSync } from 'node:child_process'

export function ensureJava(log: (line: string) => void = console.log): void {
  if (spawnSync('java', ['-version']).status === 0) return
  const isRoot = process.getuid?.() === 0
  const hasApt = spawnSync('apt-get', ['--version']).status === 0
  if (!isRoot || !hasApt) throw new Error('Java is missing: install a Java 17+ runtime (Debian: apt-get install default-jre-headless)')
  log('Installing Java (default-jre-headless) for DynamoDB Local …')
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'default-jre-headless'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}
