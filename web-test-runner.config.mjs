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
import {startLake} from './lake/server.ts'
import {CHROMIUM_ARGS} from './test/helpers/chromium.ts'

let lake
let dir

/** Starts the lake with the test server and stops it after. */
const lakePlugin = {
  name: 'clinic-kit-lake',
  async serverStart() {
    dir = mkdtempSync(join(tmpdir(), 'ck-wtr-'))
    lake = await startLake({port: 0, dir, seed: SAMPLE_PATH, quiet: true})
  },
  async serverStop() {
    await lake?.close()
    if (dir) rmSync(dir, {recursive: true, force: true})
  },
}

/** Forwards the content API (`/v<date>/…`) to the lake, ahead of the test server's own files. */
async function lakeProxy(ctx, next) {
  if (!/^\/v\d/.test(ctx.path)) return next()
  const response = await fetch(`${lake.url}${ctx.url}`, {method: ctx.method})
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
