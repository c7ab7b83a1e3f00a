// The admin port (lake/cli/admin.ts) over a running lake's HTTP API: Sanity's dataset routes,
// the lake's user routes (lake/access/users-route.ts), its batched import and its export.
import {createWriteStream, existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import type {LakeUser} from '../access/users'
import {importOverHttp} from '../datasets/import-http'
import type {AdminPort} from './admin'

const DATASET_API = 'v2025-09-16'
const DATA_API = 'v2025-02-19'

/** The token for --url: SANITY_API_TOKEN, else the lake folder's token file. */
export function httpToken(dir: string): string {
  const fromEnv = process.env.SANITY_API_TOKEN?.trim()
  if (fromEnv) return fromEnv
  const file = join(dir, 'token')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  throw new Error(
    `--url needs the lake's token: set SANITY_API_TOKEN (or use --dir with its folder)`,
  )
}

async function http(
  method: string,
  url: string,
  token: string,
  body?: unknown,
): Promise<Record<string, unknown> | Array<Record<string, unknown>>> {
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : {'content-type': 'application/json'}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  if (!response.ok) {
    const error = parsed.error as {description?: string} | undefined
    throw new Error(`${error?.description ?? text} (HTTP ${response.status})`)
  }
  return parsed
}

export interface HttpAdminOptions {
  url: string
  token: string
  projectId: string
}

/** The admin port through the lake at `url`, with `token` (an administrator's or the robot's). */
export function httpAdmin({url, token, projectId}: HttpAdminOptions): AdminPort {
  const root = url.replace(/\/+$/, '')
  const datasets = `${root}/${DATASET_API}/datasets`
  const users = `${root}/${DATA_API}/lake/users`
  const user = (id: string) => `${users}/${encodeURIComponent(id)}`
  return {
    where: url,
    folder: null,
    async listDatasets() {
      const list = (await http('GET', datasets, token)) as Array<{name: string}>
      return list.map(({name}) => name)
    },
    async createDataset(name, {aclMode}) {
      await http('PUT', `${datasets}/${name}`, token, aclMode ? {aclMode} : {})
    },
    async copyDataset(from, to, {skipHistory}) {
      await http('PUT', `${datasets}/${from}/copy`, token, {targetDataset: to, skipHistory})
    },
    async deleteDataset(name) {
      await http('DELETE', `${datasets}/${name}`, token)
    },
    async listUsers() {
      return (await http('GET', users, token)) as unknown as LakeUser[]
    },
    async addUser(input) {
      return (await http('POST', users, token, input)) as {user: LakeUser; token: string}
    },
    async removeUser(id) {
      await http('DELETE', user(id), token)
    },
    async issueToken(id) {
      return ((await http('POST', `${user(id)}/token`, token)) as {token: string}).token
    },
    importFile(file, {dataset, mode, onProgress}) {
      return importOverHttp(file, {url, token, dataset, projectId, mode, onProgress})
    },
    async exportTo(out, dataset) {
      const response = await fetch(`${root}/${DATA_API}/data/export/${dataset}`, {
        headers: {authorization: `Bearer ${token}`},
      })
      if (!response.ok || !response.body)
        throw new Error(`Export failed (HTTP ${response.status}): ${await response.text()}`)
      await pipeline(Readable.fromWeb(response.body as never), createWriteStream(out))
      return {documents: null}
    },
  }
}
