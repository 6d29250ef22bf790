/**
 * Child processes of the local cloud: each in its own process group, so stopping kills the whole tree. Every one
 * started is known here until it exits, so a Ctrl-C at any moment (also in the middle of start-up) can stop them all;
 * one started after that is stopped at once.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export interface Managed {
  name: string
  child: ChildProcess
  stop(): Promise<void>
  /** Kills the whole tree at once, as a crash would (SIGKILL), and waits for it to go. */
  crash(): Promise<void>
}

const live = new Set<Managed>()
let stoppingAll = false

/** Stops every child process still running, and any started from now on. */
export async function stopAllProcesses(): Promise<void> {
  stoppingAll = true
  await Promise.all([...live].map((p) => p.stop()))
}

export function startProcess(name: string, command: string, args: string[], opts: SpawnOptions & { logFile?: string } = {}): Managed {
  const child = spawn(command, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  if (opts.logFile) {
    mkdirSync(dirname(opts.logFile), { recursive: true })
    const log = createWriteStream(opts.logFile, { flags: 'a' })
    child.stdout?.pipe(log)
    child.stderr?.pipe(log)
  } else {
    child.stdout?.resume()
    child.stderr?.resume()
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const managed: Managed = {
    name,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      killGroup(child, 'SIGTERM')
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
    async crash() {
      killGroup(child, 'SIGKILL')
      await exited
    },
  }
  live.add(managed)
  void exited.then(() => live.delete(managed))
  if (stoppingAll) void managed.stop()
  return managed
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

/** Resolves when `check` succeeds, polling; rejects after `timeoutMs` or when the process dies first. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, proc?: Managed): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${what}: process exited with code ${proc.child.exitCode}`)
    if (await check().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms`)
}

export const httpAnswers = (url: string) => async () => {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
  await res.arrayBuffer()
  return res.status < 500
}
