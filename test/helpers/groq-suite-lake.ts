// Puts the conformance suite's datasets into a lake and asks it the suite's queries over the
// lake's HTTP API (the query routes @sanity/client uses), one dataset at a time. A dataset goes in
// as a dataset load does (the seed's way, straight into the store): the suite's datasets hold
// system documents such as `_.releases.*`, which no mutation may write, on Sanity or the lake.
import {Agent, request} from 'node:http'
import type {LakeStore} from '../../lake/store/store'
import type {SuiteTest} from './groq-suite'

const API = '/v2025-02-19/data'
const DATASET = 'production'
/** Longer query strings go as a POST body, as @sanity/client does (its `< 11264` rule). */
const MAX_GET_QUERY_STRING = 11264
/** The fields the lake stores on every document (Sanity's Content Lake does the same). */
const SYSTEM_FIELDS = ['_rev', '_createdAt', '_updatedAt'] as const

export interface LakeAnswer {
  status: number
  body: {result?: unknown; error?: {type?: string; description?: string}}
}

export class SuiteLake {
  /** For each stored document, the system fields (and values) the lake added to it. */
  private added = new Map<string, [string, unknown][]>()
  /** Keep-alive connections (node:http: a quarter of fetch's cost per request here). */
  private readonly agent = new Agent({keepAlive: true, maxSockets: 16})

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly store: LakeStore,
  ) {}

  close(): void {
    this.agent.destroy()
  }

  /** Replaces every document in the lake by these, stored in this order. */
  async load(documents: Record<string, unknown>[]): Promise<void> {
    // Deleting first, in a transaction of its own, so the new documents are stored afresh in the
    // given order (a document replaced in place would keep its old position in the lake's scans).
    await this.store.commit([{delete: {query: '*'}}])
    this.added.clear()
    if (documents.length === 0) return
    const {changes} = await this.store.commit(documents.map((doc) => ({create: doc})))
    const stored = new Map(changes.map((change) => [change.id, change.after]))
    for (const original of documents) {
      const document = stored.get(original._id as string)
      const added = SYSTEM_FIELDS.filter((f) => !(f in original)).map(
        (f) => [f, document?.[f]] as [string, unknown],
      )
      this.added.set(original._id as string, added)
    }
  }

  /** The raw perspective: the suite's datasets hold drafts and versions, and queries see all. */
  async query(test: SuiteTest): Promise<LakeAnswer> {
    const search = new URLSearchParams({
      query: test.query,
      perspective: 'raw',
      returnQuery: 'false',
    })
    for (const [name, value] of Object.entries(test.params))
      search.set(`$${name}`, JSON.stringify(value))
    const queryString = search.toString()
    if (queryString.length < MAX_GET_QUERY_STRING)
      return this.send('GET', `${API}/query/${DATASET}?${queryString}`)
    const body = JSON.stringify({query: test.query, params: test.params})
    return this.send('POST', `${API}/query/${DATASET}?perspective=raw&returnQuery=false`, body)
  }

  private send(method: string, path: string, body?: string): Promise<LakeAnswer> {
    const headers: Record<string, string> = {authorization: `Bearer ${this.token}`}
    if (body !== undefined) headers['content-type'] = 'application/json'
    return new Promise((resolve, reject) => {
      const req = request(`${this.url}${path}`, {method, headers, agent: this.agent}, (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('error', reject)
        res.on('end', () => {
          let parsed: LakeAnswer['body']
          try {
            parsed = JSON.parse(text) as LakeAnswer['body']
          } catch {
            parsed = {error: {description: text}}
          }
          resolve({status: res.statusCode ?? 0, body: parsed})
        })
      })
      req.on('error', reject)
      req.end(body)
    })
  }

  /**
   * The result without the system fields the lake added to documents that lacked them: a
   * suite document has no `_rev`, `_createdAt` or `_updatedAt`, a stored one always has them.
   * Removed from an object only when it carries the document's `_id` and the very value the lake
   * stored, so a query that computes such a field from something else still answers as it did.
   * Queries naming these fields could see them otherwise; the test reports how many do.
   */
  withoutAddedFields(value: unknown): {value: unknown; changed: boolean} {
    let changed = false
    const strip = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(strip)
      if (!node || typeof node !== 'object') return node
      const object = node as Record<string, unknown>
      const added = typeof object._id === 'string' ? this.added.get(object._id) : undefined
      const out: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(object)) {
        if (added?.some(([field, stored]) => field === key && stored === child)) changed = true
        else out[key] = strip(child)
      }
      return out
    }
    const result = strip(value)
    return {value: result, changed}
  }
}
