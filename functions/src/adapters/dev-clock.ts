/**
 * The local stage's movable clock (DESIGN §6): demos and browser tests move the server's time forward to show
 * reminders, follow-ups and timed work without waiting. The offset lives on `globalThis`, so every function the
 * local API runs in its one process (handlers, notifier, sweeper: each its own bundle) reads the same time.
 * Deployed stages never use it: the configuration refuses DEV_CLOCK there.
 */
const OFFSET = Symbol.for('linli.devClock.offsetMs')
const g = globalThis as { [OFFSET]?: number }

export const devClock = {
  now: () => new Date(Date.now() + (g[OFFSET] ?? 0)),
  offsetMs: () => g[OFFSET] ?? 0,
  advance: (ms: number) => void (g[OFFSET] = (g[OFFSET] ?? 0) + ms),
  reset: () => void (g[OFFSET] = 0),
}
