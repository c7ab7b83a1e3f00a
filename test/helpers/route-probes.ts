// Malformed requests for every route of a route table, derived from the routes' own patterns so a
// new route is probed without listing it anywhere. Each probe names what it sends.
import type {Route} from '../../lake/http/route'
import type {RawRequest} from './raw-http'

export type Auth = 'token' | 'none' | 'wrong'

export interface Probe {
  label: string
  auth: Auth
  request: RawRequest
}

/** A route's path as literal text and named slots, read back from its pattern. */
export interface RouteTemplate {
  method: string
  parts: Array<string | {param: string}>
  /** `data/query`, `users`, `dist`: the API or first path part, for grouping. */
  family: string
  /** `POST /v:version/data/mutate/:dataset` */
  name: string
}

const SLOT = /\(\?<([A-Za-z]+)>(?:\[\^\\?\/\]\+|\.\*)\)/g

export function templateOf(route: Route): RouteTemplate {
  const source = route.pattern.source.replace(/^\^/, '').replace(/\$$/, '')
  const parts: RouteTemplate['parts'] = []
  let last = 0
  for (const match of source.matchAll(SLOT)) {
    parts.push(unescape(source.slice(last, match.index)))
    parts.push({param: match[1]!})
    last = match.index + match[0].length
  }
  parts.push(unescape(source.slice(last)))
  const text = parts.map((p) => (typeof p === 'string' ? p : `:${p.param}`)).join('')
  const literal = text.split('/').filter((segment) => segment !== '' && !segment.includes(':'))
  // Content Lake routes group by their API (data/query, data/mutate), the rest by their first part.
  const family = literal[0] === 'data' ? literal.slice(0, 2).join('/') : (literal[0] ?? '/')
  return {
    method: route.method,
    parts,
    family,
    name: `${route.method} ${text}`,
  }
}

const unescape = (regexText: string) => regexText.replace(/\\(.)/g, '$1')

export const params = (t: RouteTemplate): string[] =>
  t.parts.flatMap((p) => (typeof p === 'string' ? [] : [p.param]))

/** The path with each slot filled from `values` (already URL-encoded), else its sample. */
export function pathOf(
  t: RouteTemplate,
  sample: (param: string, t: RouteTemplate) => string,
  values: Record<string, string> = {},
): string {
  return t.parts
    .map((p) => (typeof p === 'string' ? p : (values[p.param] ?? sample(p.param, t))))
    .join('')
}

export const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n)
const deepObject = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)

/** Each path slot gets these instead of its sample (percent-encoded where the wire needs it). */
export const BAD_SEGMENTS: Record<string, string> = {
  'truncated escape': '%E0%A4%A',
  'lone percent': '%',
  'non-hex escape': '%zz',
  'overlong UTF-8': '%C0%AF',
  'invalid UTF-8 byte': '%FF',
  'encoded percent': '%25',
  'long segment (5,000)': 'a'.repeat(5000),
  'overlong segment (20,000)': 'b'.repeat(20000),
  'dot-dot': '..',
  'encoded dot-dot': '%2e%2e',
  'traversal to /etc/passwd': '..%2f..%2f..%2f..%2fetc%2fpasswd',
  'double-encoded traversal': '%252e%252e%252fetc%252fpasswd',
  'NUL byte': '%00',
  'NUL inside': 'a%00b',
  dot: '.',
  star: '*',
  'drafts prefix only': 'drafts.',
  'version path': 'versions.r.siteSettings',
  space: 'a%20b',
  emoji: '%F0%9F%92%A9',
  comma: ',',
  commas: 'siteSettings,,,',
  'many ids': Array.from({length: 500}, (_, i) => `id${i}`).join(','),
  'upper-case dataset': 'PRODUCTION',
  'leading dash': '-x',
  underscore: '_',
  'encoded slash': '%2F',
  quote: '%22%27',
  markup: '%3Cscript%3E',
}

/** Query strings, sent alone and after the route's own (e.g. `query=count(*)`). */
export const BAD_SEARCHES: Record<string, string> = {
  'invalid GROQ': `query=${encodeURIComponent('*[_type == ')}`,
  'empty query': 'query=',
  'deep GROQ (3,000 parentheses)': `query=${encodeURIComponent('('.repeat(3000) + '1' + ')'.repeat(3000))}`,
  'long GROQ (8 kB)': `query=${encodeURIComponent(`*[${'_id == "a" || '.repeat(600)}true]`)}`,
  'invalid $param JSON': `query=$p&$p=${encodeURIComponent('{bad')}`,
  'empty $param': 'query=$p&$p=',
  'deep $param (3,000)': `query=$p&$p=${encodeURIComponent(deepArray(3000))}`,
  'nameless $param': '$=1',
  'NUL in $param name': '$a%00=1',
  'bad perspective': 'perspective=bogus',
  'two perspectives': 'perspective=drafts&perspective=raw',
  'perspective list': 'perspective=drafts,raw',
  'malformed escape in value': 'perspective=%E0%A4%A',
  'malformed escape in name': '%E0%A4%A=1',
  'bare separators': '&&&=&',
  'lone percent value': 'x=%',
  'odd flags': 'returnQuery=maybe&returnIds=x&returnDocuments=x&dryRun=x&includeResult=x',
  'negative limit': 'limit=-1',
  'huge limit': 'limit=1e999',
  'non-numeric limit': 'limit=abc',
  'excluded content': 'excludeContent=true&limit=0',
  'bad effect format': 'effectFormat=bogus&visibility=bogus',
  'bad image size': 'w=-1&h=0',
  'huge image size': 'w=1e9&h=99999',
  'bad rect': 'rect=0,0,99999,99999',
  'garbled rect': 'rect=-1,a,,',
  'bad format and fit': 'fm=bogus&fit=bogus&auto=format&w=10',
  'quality over 100': 'q=1000',
  'NaN device pixel ratio': 'dpr=NaN&w=10',
  'empty rect': 'rect=0,0,0,0',
  'traversal filename': `filename=${encodeURIComponent('../../../etc/passwd')}`,
  'NUL filename': 'filename=%00',
  'traversal transaction id': 'transactionId=..%2F..%2Fx',
  'long tag': `tag=${'t'.repeat(4000)}`,
  'unknown parameter': 'foo=bar',
  'oversized parameter (8 kB)': `x=${'a'.repeat(8000)}`,
  'many parameters': Array.from({length: 1000}, (_, i) => `p${i}=1`).join('&'),
}

/** JSON bodies and not-JSON bodies, none of them a valid write. */
export const BAD_BODIES: Record<string, string | Buffer> = {
  empty: '',
  'broken JSON': '{bad',
  'open brace': '{',
  'open bracket': '[',
  null: 'null',
  true: 'true',
  number: '0',
  string: '"text"',
  'empty array': '[]',
  'empty object': '{}',
  'array of empty object': '[{}]',
  'array of null': '[null]',
  'deep array (3,000)': deepArray(3000),
  'deep object (3,000)': deepObject(3000),
  'deep mutations (3,000)': `{"mutations":${deepArray(3000)}}`,
  'deep document (3,000)': `{"mutations":[{"create":{"_id":"deep","_type":"t","a":${deepObject(3000)}}}]}`,
  'deep params (3,000)': `{"query":"$p","params":{"p":${deepArray(3000)}}}`,
  'deep key-value (3,000)': `[{"key":"k","value":${deepArray(3000)}}]`,
  'invalid UTF-8': Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
  'NUL in JSON': '{"query":"*\u0000"}',
  'proto key': '{"__proto__":{"polluted":true},"mutations":[]}',
  'mutations string': '{"mutations":"x"}',
  'no mutations': '{"mutations":[]}',
  'mutation null': '{"mutations":[null]}',
  'mutation number': '{"mutations":[1]}',
  'mutation unknown kind': '{"mutations":[{"bogus":{}}]}',
  'mutation two kinds': '{"mutations":[{"create":{"_type":"t"},"delete":{"id":"siteSettings"}}]}',
  'create null': '{"mutations":[{"create":null}]}',
  'create array': '{"mutations":[{"create":[]}]}',
  'create bad type': '{"mutations":[{"create":{"_type":5}}]}',
  'create traversal id': '{"mutations":[{"create":{"_id":"../x","_type":"t"}}]}',
  'create long id': `{"mutations":[{"create":{"_id":"${'i'.repeat(300)}","_type":"t"}}]}`,
  'patch null': '{"mutations":[{"patch":null}]}',
  'patch without id': '{"mutations":[{"patch":{"set":{"a":1}}}]}',
  'patch set number': '{"mutations":[{"patch":{"id":"siteSettings","set":5}}]}',
  'patch bad path': '{"mutations":[{"patch":{"id":"siteSettings","set":{"a[[[":1}}}]}',
  'patch inc string': '{"mutations":[{"patch":{"id":"siteSettings","inc":{"disclaimer":"x"}}}]}',
  'patch bad insert': '{"mutations":[{"patch":{"id":"siteSettings","insert":{"sideways":"x"}}}]}',
  'patch bad query': '{"mutations":[{"patch":{"query":"*[","set":{"a":1}}}]}',
  'patch bad ifRevisionID':
    '{"mutations":[{"patch":{"id":"siteSettings","ifRevisionID":5,"set":{"a":1}}}]}',
  'delete id number': '{"mutations":[{"delete":{"id":5}}]}',
  'delete bad query': '{"mutations":[{"delete":{"query":"*["}}]}',
  'delete query bad params': '{"mutations":[{"delete":{"query":"*[_id == $id]","params":5}}]}',
  'bad transaction id': '{"transactionId":"../../x","mutations":[{"delete":{"id":"nope"}}]}',
  'actions string': '{"actions":"x"}',
  'action null': '{"actions":[null]}',
  'action unknown': '{"actions":[{"actionType":"bogus"}]}',
  'edit patch number':
    '{"actions":[{"actionType":"sanity.action.document.edit","draftId":"drafts.siteSettings","publishedId":"siteSettings","patch":5}]}',
  'edit bad ids':
    '{"actions":[{"actionType":"sanity.action.document.edit","draftId":"../x","publishedId":5,"patch":{}}]}',
  'publish bad ids': '{"actions":[{"actionType":"sanity.action.document.publish","draftId":5}]}',
  'create attributes number':
    '{"actions":[{"actionType":"sanity.action.document.create","attributes":5}]}',
  'create attributes array':
    '{"actions":[{"actionType":"sanity.action.document.create","attributes":[]}]}',
  'create attributes bad id':
    '{"actions":[{"actionType":"sanity.action.document.create","publishedId":"x","attributes":{"_id":"../x","_type":"t"}}]}',
  'delete bad drafts':
    '{"actions":[{"actionType":"sanity.action.document.delete","publishedId":"nope","includeDrafts":5}]}',
  'query number': '{"query":5}',
  'query invalid GROQ': '{"query":"*[","params":{}}',
  'params array': '{"query":"*","params":[]}',
  'params number': '{"query":"*","params":5}',
  'perspective bogus': '{"query":"count(*)","perspective":"bogus"}',
  'perspective number': '{"query":"count(*)","perspective":5}',
  'key-value object': '{"key":"k","value":1}',
  'key-value key number': '[{"key":5,"value":1}]',
  'key-value key with comma': '[{"key":"a,b","value":1}]',
  'key-value no value': '[{"key":"k"}]',
  'key-value number': '[5]',
  'key-value huge value': `[{"key":"k","value":"${'v'.repeat(300 * 1024)}"}]`,
  'key-value long key': `[{"key":"${'k'.repeat(2000)}","value":1}]`,
}

/** Bodies under content types other than JSON, and JSON under the wrong type. */
const CONTENT_TYPES: Array<[string, string]> = [
  ['text/plain', '{bad'],
  ['text/plain', '{"query":"count(*)"}'],
  ['application/x-www-form-urlencoded', 'query=count(*)&mutations=1'],
  [
    'multipart/form-data; boundary=x',
    '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
  ],
  ['application/octet-stream', '\u0000\u0001'],
  ['image/png', '{}'],
  ['application/json; charset=latin1', '{"query":"\u00e9"}'],
]

export function authHeaders(auth: Auth, token: string): Record<string, string> {
  if (auth === 'token') return {authorization: `Bearer ${token}`}
  if (auth === 'wrong') return {authorization: 'Bearer not-the-token'}
  return {}
}

/** The route's own query string that makes a valid request (query routes need a query). */
export function baseSearch(t: RouteTemplate): string {
  return t.family === 'data/query' || t.family === 'data/listen' ? 'query=count(*)' : ''
}

/** The kinds of probe; a sweep may leave some out (e.g. bodies without the token). */
export type ProbeKind = 'segments' | 'methods' | 'searches' | 'bodies'
const ALL_KINDS: ProbeKind[] = ['segments', 'methods', 'searches', 'bodies']

/** Every probe of one route with one kind of credentials. */
export function probesFor(
  t: RouteTemplate,
  auth: Auth,
  sample: (param: string, t: RouteTemplate) => string,
  kinds: ProbeKind[] = ALL_KINDS,
): Probe[] {
  const probes: Probe[] = []
  const base = baseSearch(t)
  const path = pathOf(t, sample)
  const withSearch = (p: string, search: string) => (search ? `${p}?${search}` : p)
  const body = BODY_METHODS.has(t.method) ? '{}' : undefined
  const add = (label: string, request: RawRequest) =>
    probes.push({label: `${t.name} [${auth}] ${label}`, auth, request})

  if (kinds.includes('segments')) addSegments()
  if (kinds.includes('methods')) addMethods()
  if (kinds.includes('searches')) addSearches()
  if (kinds.includes('bodies') && BODY_METHODS.has(t.method)) addBodies()
  return probes

  function addSegments() {
    for (const param of params(t))
      for (const [what, value] of Object.entries(BAD_SEGMENTS))
        add(`:${param} = ${what}`, {
          method: t.method,
          path: withSearch(pathOf(t, sample, {[param]: value}), base),
          body,
        })
    add('trailing slash', {method: t.method, path: withSearch(`${path}/`, base), body})
    add('doubled slashes', {
      method: t.method,
      path: withSearch(path.replace(/\//g, '//'), base),
      body,
    })
    add('dot segments', {method: t.method, path: withSearch(`${path}/../../..`, base), body})
  }

  function addMethods() {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND'])
      if (method !== t.method)
        add(`method ${method}`, {
          method,
          path: withSearch(path, base),
          body: BODY_METHODS.has(method) ? '{bad' : undefined,
        })
  }

  function addSearches() {
    for (const [what, search] of Object.entries(BAD_SEARCHES)) {
      add(`?${what}`, {method: t.method, path: withSearch(path, search), body})
      if (base) add(`?query & ${what}`, {method: t.method, path: `${path}?${base}&${search}`, body})
    }
  }

  function addBodies() {
    for (const [what, value] of Object.entries(BAD_BODIES))
      add(`body ${what}`, {
        method: t.method,
        path: withSearch(path, base),
        headers: {'content-type': 'application/json'},
        body: value,
      })
    for (const [type, value] of CONTENT_TYPES)
      add(`body ${JSON.stringify(value)} as ${type}`, {
        method: t.method,
        path: withSearch(path, base),
        headers: {'content-type': type},
        body: value,
      })
    add('no body', {method: t.method, path: withSearch(path, base)})
    add('huge declared body (101 MB)', {
      method: t.method,
      path: withSearch(path, base),
      headers: {'content-type': 'application/json'},
      body: '{"a":"',
      declaredLength: 101 * 1024 * 1024,
    })
  }
}
