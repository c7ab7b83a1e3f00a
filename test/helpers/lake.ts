// A real lake in a temp folder, and @sanity/client instances pointed at it.
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createClient, type SanityClient, type SanityImageAssetDocument} from '@sanity/client'
import sharp from 'sharp'
import {SAMPLE_PATH} from '../../content/build'
import {clientConfig, contentConfigFromEnv} from '../../config/client'
import {startLake, type LakeOptions, type RunningLake} from '../../lake/server/server'
import {clinicRules} from '../../clinic-rules'

export interface TestLake {
  lake: RunningLake
  dir: string
  /** Authorised with the lake token. */
  client: SanityClient
  /** No token: what a public widget sees. */
  anonymous: SanityClient
  close(): Promise<void>
}

export function lakeClient(url: string, token?: string): SanityClient {
  return createClient({
    ...clientConfig({...contentConfigFromEnv({}), apiHost: url, token}),
    maxRetries: 0,
  })
}

/**
 * @param options more lake options, e.g. `tls` or the Studio's and demo's `extraRoutes`. The lake
 * runs the clinic's rules (clinic-rules/index.ts) unless `plugins` says otherwise (`[]`: a plain
 * Content Lake).
 */
export async function startTestLake(
  seed: string | undefined = SAMPLE_PATH,
  options: LakeOptions = {},
): Promise<TestLake> {
  const dir = mkdtempSync(join(tmpdir(), 'ck-lake-'))
  const lake = await startLake({
    port: 0,
    dir,
    seed,
    quiet: true,
    plugins: [clinicRules()],
    ...options,
  })
  return {
    lake,
    dir,
    client: lakeClient(lake.url, lake.token),
    anonymous: lakeClient(lake.url),
    async close() {
      await lake.close()
      rmSync(dir, {recursive: true, force: true})
    },
  }
}

/** Uploads a plain PNG of the given size to the lake as an image asset. */
export async function uploadTestImage(
  client: SanityClient,
  width: number,
  height: number,
  filename: string,
): Promise<SanityImageAssetDocument> {
  const png = await sharp({
    create: {width, height, channels: 3, background: {r: 40, g: 120, b: 200}},
  })
    .png()
    .toBuffer()
  return client.assets.upload('image', png, {filename})
}

/**
 * `npm run lake` in its own process (`scripts/lake.ts serve` under tsx) on a free port, for tests that
 * kill it or set its environment; resolves with the URL it prints once it listens.
 * @param args more `serve` flags; without them it starts with no seed (`--seed none.ndjson`).
 */
export function spawnLakeCli(
  dir: string,
  env: Record<string, string> = {},
  args: string[] = ['--seed', 'none.ndjson'],
): Promise<{child: ChildProcess; url: string}> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/lake.ts', 'serve', '--port', '0', '--dir', dir, ...args],
    {stdio: ['ignore', 'pipe', 'inherit'], env: {...process.env, ...env}},
  )
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /lake: listening on (\S+)/.exec(out)
      if (match) resolve({child, url: match[1]!})
    })
    child.once('exit', (code) => reject(new Error(`lake exited with ${code}: ${out}`)))
  })
}
