export default async function globalTeardown() {
  const cloud = (globalThis as { __linliCloud?: { stop(): Promise<void> } }).__linliCloud
  await cloud?.stop()
}
