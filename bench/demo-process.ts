// openDemo() for the benchmarks, with the lake in a child Node process (bench/demo-lake.ts): the
// lake's request handling does not share the Playwright driver's event loop, as a production
// content service would not. The lake also serves the benchmark's pages from a temp folder, so a
// page loads without Playwright request interception (a route sends every request of the page
// through the driver). The child only listens on 127.0.0.1; it is stopped by close(), on any
// failure while starting, when this process exits, and by itself when this process goes away.
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {chromium, type Browser} from 'playwright-core'
import {CHROMIUM_ARGS} from '../test/helpers/chromium'
import type {DemoSession} from '../test/helpers/demo'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CHILD = fileURLToPath(new URL('./demo-lake.ts', import.meta.url))
const STOP_TIMEOUT_MS = 5000

export interface BenchDemo extends DemoSession {
  /** Serves `html` at the returned URL on the lake (`/bench/<name>`), replacing any page of that name. */
  servePage(name: string, html: string): string
}

/** Resolves with the child's first IPC message; rejects if it fails or exits first. */
function ready(child: ChildProcess): Promise<{url: string; token: string}> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`the bench lake exited before it was ready (${signal ?? `code ${code}`})`))
    child.once('error', reject)
    child.once('exit', onExit)
    child.once('message', (message) => {
      child.off('error', reject)
      child.off('exit', onExit)
      resolve(message as {url: string; token: string})
    })
  })
}

/** SIGTERM, then SIGKILL if the child has not exited within STOP_TIMEOUT_MS. */
function stopChild(child: ChildProcess): Promise<void> {
  // Never started (spawn failed), or already gone.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

export async function openDemoProcess(): Promise<BenchDemo> {
  const pagesDir = mkdtempSync(join(tmpdir(), 'ck-bench-pages-'))
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, pagesDir], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  // Last resort when close() never runs (an uncaught error): exit handlers are synchronous, so the
  // child gets SIGTERM and cleans up by itself after this process has gone.
  const stopOnExit = () => {
    child.kill('SIGTERM')
    rmSync(pagesDir, {recursive: true, force: true})
  }
  process.once('exit', stopOnExit)
  let browser: Browser | undefined
  const close = async () => {
    try {
      await browser?.close()
    } finally {
      await stopChild(child)
      process.off('exit', stopOnExit)
      rmSync(pagesDir, {recursive: true, force: true})
    }
  }
  try {
    const lake = await ready(child)
    browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS})
    return {
      lake,
      browser,
      servePage(name, html) {
        writeFileSync(join(pagesDir, name), html)
        return `${lake.url}/bench/${name}`
      },
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}
