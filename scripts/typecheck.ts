/**
 * `npm run typecheck`: every TypeScript project of the repository checked (tsc --noEmit), two at a time — one per
 * core of a CI machine — the slowest first. Fails if any project has errors; prints each project's own output.
 * What runs on Node (functions, infra, scripts, bench) is one program: checked apart, each re-checked the files the
 * others import (43 s of work instead of 15). shared/ stays apart, checked without Node's types, as the mini-program
 * uses it; functions/tsconfig.json and infra/tsconfig.json remain for editors.
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')
const TSC = join(ROOT, 'node_modules/.bin/tsc')
const projects = ['tsconfig.node.json', 'miniapp', 'shared']

const check = (project: string) =>
  new Promise<boolean>((done) => {
    const child = spawn(TSC, ['-p', project, '--noEmit', '--pretty'], { cwd: ROOT })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('close', (code) => {
      if (code !== 0) console.log(`✘ tsc -p ${project}\n${out}`)
      done(code === 0)
    })
  })

async function main() {
  const queue = [...projects]
  const results: boolean[] = []
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      for (let p = queue.shift(); p; p = queue.shift()) results.push(await check(p))
    }),
  )
  process.exit(results.every(Boolean) ? 0 : 1)
}

void main()
