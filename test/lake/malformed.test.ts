// Bad input never gives a 5xx: every route of the lake's table (and the Studio's and demo's static
// routes that `npm start` mounts) gets malformed paths, methods, query strings and bodies, with
// and without the token, over HTTP/1.1 and HTTP/2. Each answer must be below 500, each error must
// carry Sanity's `{error: {description, type}}` body, and the dataset must not change. Then a
// seeded fast-check run fuzzes every route family (CK_FUZZ_SEED=<n> replays a run).
import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {connect} from 'node:net'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import fc from 'fast-check'
import {SAMPLE_PATH} from '../../content/build'
import {demoRoutes} from '../../demo/routes'
import {MAX_JSON_DEPTH} from '../../lake/http/http'
import {routes} from '../../lake/server/router'
import {staticRoutes} from '../../lake/server/static-route'
import {ensureLakeTls} from '../../lake/server/tls'
import {startTestLake, uploadTestImage, type TestLake} from '../helpers/lake'
import {Http2Client, http1, NotSent, type RawRequest, type RawResponse} from '../helpers/raw-http'
import {
  authHeaders,
  baseSearch,
  BODY_METHODS,
  params,
  pathOf,
  probesFor,
  templateOf,
  type Probe,
  type RouteTemplate,
} from '../helpers/route-probes'

const VERSION = '2025-02-19'
const tlsDir = mkdtempSync(join(tmpdir(), 'ck-malformed-tls-'))
const studioDir = mkdtempSync(join(tmpdir(), 'ck-malformed-studio-'))
mkdirSync(join(studioDir, 'static'))
writeFileSync(join(studioDir, 'index.html'), '<!doctype html><title>Studio</title>')
writeFileSync(join(studioDir, 'static', 'app-AbCdEfGh12.js'), 'export {}')
const extraRoutes = [...staticRoutes('/studio', studioDir, '/static'), ...demoRoutes()]
// The table the lake matches, in its order: extra routes first (see startLake).
const templates = [...extraRoutes, ...routes].map(templateOf)

let t: TestLake
let h2: Http2Client
let exportBefore: string
const files = {image: '', file: ''}

before(async () => {
  const tls = ensureLakeTls(tlsDir)
  t = await startTestLake(SAMPLE_PATH, {tls, tlsPort: 0, extraRoutes})
  const image = await uploadTestImage(t.client, 40, 30, 'sweep.png')
  const file = await t.client.assets.upload('file', Buffer.from('sweep'), {filename: 'sweep.txt'})
  files.image = basename(image.path)
  files.file = basename(file.path)
  h2 = new Http2Client(t.lake.tlsUrl!, readFileSync(tls.caFile))
  exportBefore = await exportDataset()
})
after(async () => {
  h2?.close()
  await t?.close()
  rmSync(tlsDir, {recursive: true, force: true})
  rmSync(studioDir, {recursive: true, force: true})
})

/** A valid value for a path slot, so that probes vary one thing at a time. */
function sample(param: string, template: RouteTemplate): string {
  switch (param) {
    case 'version':
      return VERSION
    case 'dataset':
      return 'production'
    case 'projectId':
      return 'clinickit'
    case 'ids':
    case 'id':
      return 'siteSettings'
    case 'kind':
      return 'images'
    case 'keys':
      return 'studio.sweep'
    case 'file':
      return template.name.includes('/images/') ? files.image : files.file
    case 'rest':
      return template.family === 'static' ? 'app-AbCdEfGh12.js' : 'index.html'
    default:
      return 'x'
  }
}

async function exportDataset(): Promise<string> {
  const res = await fetch(`${t.lake.url}/v${VERSION}/data/export/production`, {
    headers: authHeaders('token', t.lake.token),
  })
  assert.equal(res.status, 200)
  return res.text()
}

/** Fails naming the documents that differ from the export taken before the probes. */
function assertUnchanged(exported: string) {
  const byId = (text: string) =>
    new Map(
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => [JSON.parse(line)._id as string, line]),
    )
  const [was, now] = [byId(exportBefore), byId(exported)]
  const changed = [...new Set([...was.keys(), ...now.keys()])].filter(
    (id) => was.get(id) !== now.get(id),
  )
  assert.deepEqual(
    changed.map((id) => ({
      id,
      before: was.get(id)?.slice(0, 300),
      after: now.get(id)?.slice(0, 300),
    })),
    [],
  )
}

type Send = (request: RawRequest) => Promise<RawResponse>
const overHttp1: Send = (request) => http1(t.lake.url, request)
const overHttp2: Send = (request) => h2.request(request)

function withAuth(probe: Probe): RawRequest {
  return {
    ...probe.request,
    headers: {...probe.request.headers, ...authHeaders(probe.auth, t.lake.token)},
  }
}

/** What is wrong with an answer to malformed input, or null. */
function problemWith(request: RawRequest, res: RawResponse): string | null {
  if (res.status >= 500) return `status ${res.status}: ${res.body.slice(0, 300)}`
  if (res.status < 400 || request.method === 'HEAD') return null
  // Node's HTTP parser answers requests it cannot parse (431 header too large) before the lake.
  if (res.body === '' && res.contentType === '' && [400, 413, 431].includes(res.status)) return null
  let body: {error?: {description?: unknown; type?: unknown}}
  try {
    body = JSON.parse(res.body) as typeof body
  } catch {
    return `status ${res.status} without a JSON body: ${res.body.slice(0, 200)}`
  }
  if (typeof body.error?.description !== 'string' || typeof body.error.type !== 'string')
    return `status ${res.status} without {error: {description, type}}: ${res.body.slice(0, 200)}`
  return null
}

interface Finding {
  probe: Probe
  problem: string
}

async function sweep(send: Send, probes: Probe[], concurrency = 6): Promise<Finding[]> {
  const findings: Finding[] = []
  let next = 0
  let notSent = 0
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++]!
      const request = withAuth(probe)
      try {
        const problem = problemWith(request, await send(request))
        if (problem) findings.push({probe, problem})
      } catch (error) {
        if (error instanceof NotSent) notSent++
        else findings.push({probe, problem: `no answer: ${(error as Error).message}`})
      }
    }
  }
  await Promise.all(Array.from({length: concurrency}, worker))
  // A few probes are malformed beyond what a client library will send (checked below raw).
  assert.ok(notSent < probes.length / 20, `${notSent} probes could not be sent`)
  return findings
}

/** Fails on every finding, naming each request exactly so it can be replayed. */
function assertNone(findings: Finding[]) {
  const lines = findings.map(
    (finding) =>
      `${finding.probe.label}: ${finding.problem.slice(0, 240)}\n    ${describeRequest(withAuth(finding.probe))}`,
  )
  assert.deepEqual(lines, [], `${lines.length} malformed requests were mishandled`)
}

function describeRequest(request: RawRequest): string {
  const body =
    request.body === undefined
      ? ''
      : ` body ${JSON.stringify(String(request.body).slice(0, 120))}${request.body.length > 120 ? '…' : ''}`
  return `${request.method} ${request.path.slice(0, 200)}${request.path.length > 200 ? '…' : ''}${body}`
}

/**
 * With the token, every kind of probe; without it, paths and query strings (the body-reading
 * routes either refuse first without the token or read the body just as they do with it).
 */
function allProbes(): Probe[] {
  return templates.flatMap((template) => [
    ...probesFor(template, 'token', sample),
    ...probesFor(template, 'none', sample, ['segments', 'methods', 'searches']),
    {
      label: `${template.name} [wrong] sample`,
      auth: 'wrong' as const,
      request: {method: template.method, path: pathOf(template, sample)},
    },
  ])
}

describe('malformed requests, every route', () => {
  it('covers every route of the table, the Studio and the demo', () => {
    const names = templates.map((template) => template.name)
    assert.ok(names.includes('POST /v:version/data/mutate/:dataset'))
    assert.ok(names.includes('PUT /v:version/users/me/keyvalue'))
    assert.ok(names.includes('GET /dist/:rest'))
    assert.ok(names.includes('GET /static/:rest'))
    assert.equal(names.length, routes.length + extraRoutes.length)
  })

  it('over HTTP/1.1: no 5xx, every error in Sanity’s shape', async () => {
    const probes = allProbes()
    assertNone(await sweep(overHttp1, probes))
  })

  it('over HTTP/2: no 5xx, every error in Sanity’s shape', async () => {
    // HTTP/2 changes framing (paths, headers, DATA frames), not what the handlers do with a
    // query string or credentials: paths and bodies, with the token.
    const probes = templates.flatMap((template) =>
      probesFor(template, 'token', sample, ['segments', 'methods', 'bodies']),
    )
    assertNone(await sweep(overHttp2, probes))
  })

  it('refuses a streamed JSON body over the limit with 413', async () => {
    const body = Buffer.alloc(11 * 1024 * 1024, 0x20)
    for (const send of [overHttp1, overHttp2]) {
      const res = await send({
        method: 'POST',
        path: `/v${VERSION}/data/mutate/production`,
        headers: authHeaders('token', t.lake.token),
        body,
        streamed: true,
      })
      assert.equal(res.status, 413)
    }
  })

  it('answers unparsable and odd HTTP/1.1 request lines with a 4xx', async () => {
    const raw = [
      'GET http://[ HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n',
      'GET * HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n',
      'GET noslash HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n',
      'GET /v1/data/doc/production/%E0%A4%A HTTP/1.0\r\n\r\n',
      'GET /v1/ping\u0000 HTTP/1.1\r\nhost: x\r\n\r\n',
      'GET /v1/ping HTTP/1.1\r\nhost: x\r\ncontent-length: abc\r\n\r\n',
      `GET /${'a'.repeat(70_000)} HTTP/1.1\r\nhost: x\r\n\r\n`,
      'POST /v1/data/mutate/production HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n',
      'BREW /v1/ping HTTP/1.1\r\nhost: x\r\n\r\n',
    ]
    const {port} = new URL(t.lake.url)
    for (const text of raw) {
      const answer = await new Promise<string>((resolve) => {
        let data = ''
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(text))
        socket.on('data', (chunk) => (data += chunk.toString()))
        socket.on('close', () => resolve(data))
        socket.on('error', () => resolve(data))
      })
      assert.match(answer, /^HTTP\/1\.1 4\d\d /, JSON.stringify(text.slice(0, 60)))
    }
  })

  it('answers odd HTTP/2 request targets with a 4xx or a protocol refusal', async () => {
    // nghttp2 resets a stream whose :path is not a valid request target (RFC 9113 §8.3.1, a
    // malformed request) before the lake sees it; the session and the lake carry on.
    for (const path of ['*', 'noslash', '/%', '//', '/v1/data/doc/production/%E0%A4%A']) {
      const res = await overHttp2({method: 'GET', path}).catch((error: NodeJS.ErrnoException) => {
        if (error instanceof NotSent) return null
        assert.match(error.message, /NGHTTP2_PROTOCOL_ERROR/, `${path}: ${error.message}`)
        return null
      })
      if (res) assert.ok(res.status >= 400 && res.status < 500, `${path}: ${res.status}`)
      const ping = await overHttp2({method: 'GET', path: `/v${VERSION}/ping`})
      assert.equal(ping.status, 200, `the lake answers after ${path}`)
    }
  })

  it('leaves the dataset as it was', async () => {
    assertUnchanged(await exportDataset())
  })
})

describe('fuzzed requests, every route family', () => {
  const families = new Map<string, RouteTemplate[]>()
  for (const template of templates)
    families.set(template.family, [...(families.get(template.family) ?? []), template])
  const seed = Number(process.env.CK_FUZZ_SEED ?? Date.now() % 2 ** 31)
  const numRuns = Number(process.env.CK_FUZZ_RUNS ?? 200)

  const escapes = fc.constantFrom(
    '%',
    '%E0',
    '%A4',
    '%2',
    '%00',
    '%2F',
    '%2e',
    '..',
    '.',
    ',',
    'drafts.',
    '*',
    '%FF',
    '%C0%AF',
    '%25',
    '$',
    'a',
    'Z',
    '-',
    '_',
    '~',
    '%20',
  )
  const segment = fc.oneof(
    fc.string({unit: 'binary', maxLength: 40}).map(encodeURIComponent),
    fc.array(escapes, {minLength: 1, maxLength: 12}).map((parts) => parts.join('')),
    fc.stringMatching(/^[A-Za-z0-9_.,-]{1,300}$/),
  )
  const queryValue = fc.oneof(
    fc.string({unit: 'binary', maxLength: 60}).map(encodeURIComponent),
    fc.jsonValue({maxDepth: 4}).map((value) => encodeURIComponent(JSON.stringify(value))),
    fc.constantFrom(
      '*',
      '*[',
      'count(*)',
      '$p',
      '{',
      '%E0%A4%A',
      '',
      '-1',
      '1e999',
      'raw',
      'drafts',
    ),
  )
  const search = fc.array(
    fc.tuple(
      fc.constantFrom(
        'query',
        '$p',
        '$',
        'perspective',
        'limit',
        'returnQuery',
        'w',
        'h',
        'rect',
        'fm',
        'filename',
        'tag',
        'dryRun',
        'includeResult',
        'visibility',
        'x',
      ),
      queryValue,
    ),
    {maxLength: 4},
  )
  const mutationKind = fc.constantFrom(
    'create',
    'createOrReplace',
    'createIfNotExists',
    'patch',
    'delete',
    'bogus',
  )
  const body = fc.oneof(
    fc.constant(undefined),
    fc.jsonValue({maxDepth: 5}).map((value) => JSON.stringify(value)),
    fc.string({unit: 'binary', maxLength: 200}),
    fc
      .array(fc.tuple(mutationKind, fc.jsonValue({maxDepth: 3})), {maxLength: 3})
      .map((list) => JSON.stringify({mutations: list.map(([kind, value]) => ({[kind]: value}))})),
    fc
      .array(
        fc.dictionary(
          fc.constantFrom('actionType', 'draftId', 'publishedId', 'attributes', 'patch'),
          fc.jsonValue({maxDepth: 3}),
        ),
        {maxLength: 3},
      )
      .map((actions) => JSON.stringify({actions})),
    fc
      .array(
        fc.record(
          {key: fc.jsonValue({maxDepth: 1}), value: fc.jsonValue({maxDepth: 3})},
          {requiredKeys: []},
        ),
        {maxLength: 3},
      )
      .map((pairs) => JSON.stringify(pairs)),
  )

  for (const [family, members] of families)
    it(`${family}: ${numRuns} fuzzed requests, no 5xx`, async () => {
      const request = fc.record({
        template: fc.constantFrom(...members),
        slots: fc.array(fc.option(segment, {freq: 2}), {minLength: 4, maxLength: 4}),
        method: fc.oneof(
          fc.constantFrom(...members.map((m) => m.method)),
          fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        ),
        search,
        body,
        auth: fc.constantFrom('token' as const, 'none' as const),
        http2: fc.boolean(),
      })
      await fc
        .assert(
          fc.asyncProperty(request, async (r) => {
            const values: Record<string, string> = {}
            params(r.template).forEach((param, i) => {
              const slot = r.slots[i % r.slots.length]
              if (slot !== null && slot !== undefined) values[param] = slot
            })
            const query = [baseSearch(r.template), ...r.search.map(([k, v]) => `${k}=${v}`)]
              .filter(Boolean)
              .join('&')
            const raw: RawRequest = {
              method: r.method,
              path: `${pathOf(r.template, sample, values)}${query ? `?${query}` : ''}`,
              headers: {'content-type': 'application/json', ...authHeaders(r.auth, t.lake.token)},
              body: BODY_METHODS.has(r.method) ? r.body : undefined,
            }
            const send = r.http2 ? overHttp2 : overHttp1
            let res: RawResponse
            try {
              res = await send(raw)
            } catch (error) {
              if (error instanceof NotSent) return
              throw error
            }
            const problem = problemWith(raw, res)
            if (problem === null) return
            assert.fail(`${problem}\n    ${describeRequest(raw)}`)
          }),
          {seed, numRuns, endOnFailure: true},
        )
        .catch((error: Error) => {
          const cause = error.cause instanceof Error ? `\n${error.cause.message}` : ''
          throw new Error(
            `fuzz seed ${seed} (CK_FUZZ_SEED=${seed} replays it): ${error.message}${cause}`,
          )
        })
    })

  it('leaves the dataset as it was', async () => {
    assertUnchanged(await exportDataset())
  })
})

describe('JSON depth limit', () => {
  const query = (body: string) =>
    fetch(`${t.lake.url}/v${VERSION}/data/query/production`, {
      method: 'POST',
      body,
      headers: {'content-type': 'application/json'},
    })
  // The body object is one level; params another; the value fills the rest.
  const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels)

  it(`takes ${MAX_JSON_DEPTH} levels and refuses one more with 400`, async () => {
    const within = await query(`{"query":"count($p)","params":{"p":${nested(MAX_JSON_DEPTH - 2)}}}`)
    assert.equal(within.status, 200)
    const over = await query(`{"query":"count($p)","params":{"p":${nested(MAX_JSON_DEPTH - 1)}}}`)
    assert.equal(over.status, 400)
    assert.equal(((await over.json()) as {error: {type: string}}).error.type, 'invalidJsonError')
  })

  it('does not count brackets inside strings, escaped quotes included', async () => {
    const text = JSON.stringify(`\\"${'[{'.repeat(500)}`)
    const res = await query(`{"query":"$p","params":{"p":${text}}}`)
    assert.equal(res.status, 200)
    assert.equal(((await res.json()) as {result: string}).result, JSON.parse(text))
  })
})

describe('key-value settings', () => {
  const url = () => `${t.lake.url}/v${VERSION}/users/me/keyvalue`
  const put = (body: string, auth: 'token' | 'none' = 'token') =>
    fetch(url(), {method: 'PUT', body, headers: authHeaders(auth, t.lake.token)})
  const get = async (keys: string) =>
    (await fetch(`${url()}/${keys}`, {headers: authHeaders('token', t.lake.token)})).json()

  it('answers a GET with what a PUT stored, as the Studio reads it', async () => {
    const res = await put(
      '[{"key":"studio.kv.a","value":{"layout":[1,2]}},{"key":"studio.kv.b","value":"x"}]',
    )
    assert.equal(res.status, 200)
    assert.deepEqual(await res.json(), [
      {key: 'studio.kv.a', value: {layout: [1, 2]}},
      {key: 'studio.kv.b', value: 'x'},
    ])
    assert.deepEqual(await get('studio.kv.a,studio.kv.never'), [
      {key: 'studio.kv.a', value: {layout: [1, 2]}},
      {key: 'studio.kv.never', value: null},
    ])
  })

  it('refuses bad bodies with 400 and stores none of their pairs', async () => {
    for (const body of [
      '{bad',
      '{"key":"studio.kv.c","value":1}',
      '[{"key":"studio.kv.c","value":1},{"key":5,"value":2}]',
      '[]',
    ]) {
      const res = await put(body)
      assert.equal(res.status, 400, body)
      const {error} = (await res.json()) as {error: {type: string}}
      assert.match(error.type, /^(invalidJsonError|validationError)$/)
    }
    assert.equal((await put('[{"key":"studio.kv.c","value":1}]', 'none')).status, 401)
    assert.deepEqual(await get('studio.kv.c'), [{key: 'studio.kv.c', value: null}])
  })
})
