// @web/test-runner: the *.spec.ts files run in Debian's Chromium from the TypeScript sources, with
// content from a real lake on the sample dataset that this config starts and serves on the test
// server's own origin (Chromium blocks a loopback page from fetching another loopback port).
// Run with tsx loaded (npm run test:browser) so the lake's TypeScript modules import here.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {esbuildPlugin} from '@web/dev-server-esbuild'
import {chromeLauncher} from '@web/test-runner-chrome'
import {SAMPLE_PATH} from './content/build.ts'
import {startLake} from './lake/server/server.ts'
import {CHROMIUM_ARGS} from './test/helpers/chromium.ts'

let lake
let dir

const start = () => startLake({port: 0, dir, seed: SAMPLE_PATH, quiet: true})

/**
 * Starts the lake with the test server and stops it after. Specs drive it with
 * `executeServerCommand('ck-lake', {action})`: `stop` closes it (content requests then answer
 * 502), `start` opens it again on the same data folder (on a new port, which the proxy follows),
 * and `mutate` commits `{mutations}` as the lake token would.
 */
const lakePlugin = {
  name: 'clinic-kit-lake',
  async serverStart() {
    dir = mkdtempSync(join(tmpdir(), 'ck-wtr-'))
    lake = await start()
  },
  async serverStop() {
    await lake?.close()
    if (dir) rmSync(dir, {recursive: true, force: true})
  },
  async executeCommand({command, payload}) {
    if (command !== 'ck-lake') return undefined
    const {action, mutations} = payload ?? {}
    if (action === 'stop' && lake) {
      const running = lake
      lake = undefined
      await running.close()
    } else if (action === 'start' && !lake) {
      lake = await start()
    } else if (action === 'mutate') {
      if (!lake) throw new Error('ck-lake mutate: the lake is stopped')
      await lake.store.commit(mutations, {author: 'web-test-runner'})
    } else if (action !== 'stop' && action !== 'start') {
      throw new Error(`ck-lake: unknown action ${JSON.stringify(action)}`)
    }
    return {running: Boolean(lake)}
  },
}

/**
 * Forwards the content API (`/v<date>/…`) to the lake, ahead of the test server's own files;
 * a 502 while the lake is stopped, as a gateway in front of an unreachable service answers.
 */
async function lakeProxy(ctx, next) {
  if (!/^\/v\d/.test(ctx.path)) return next()
  let response
  try {
    if (!lake) throw new Error('the lake is stopped')
    response = await fetch(`${lake.url}${ctx.url}`, {method: ctx.method})
  } catch (error) {
    ctx.status = 502
    ctx.body = {error: {description: `Bad gateway: ${error.message}`}}
    return
  }
  ctx.status = response.status
  ctx.type = response.headers.get('content-type') ?? 'application/json'
  ctx.body = Buffer.from(await response.arrayBuffer())
}

export default {
  files: ['widgets/**/*.spec.ts'],
  nodeResolve: true,
  // Lit's reactive properties need TypeScript's class-field semantics from tsconfig.json.
  plugins: [esbuildPlugin({ts: true, target: 'es2022', tsconfig: 'tsconfig.json'}), lakePlugin],
  middleware: [lakeProxy],
  browsers: [
    chromeLauncher({
      launchOptions: {executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS},
    }),
  ],
  testFramework: {config: {timeout: 10000}},
  concurrency: 1,
}
