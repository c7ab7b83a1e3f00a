import {startTestLake} from '../test/helpers/lake'
import {startLake} from './server'
const t = await startTestLake()
await t.lake.queries.ready()
const q = async (query: string) => {
  const s = performance.now()
  const r = await fetch(
    `${t.lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent(query)}`,
  )
  console.log(r.status, (performance.now() - s).toFixed(0), 'ms', (await r.text()).slice(0, 200))
}
await q('diff::changedAny({"a":1},{"a":2},(a))')
await q('diff::changedOnly({"a":1,"b":1},{"a":2,"b":1},(a))')
await q('*[_type=="faq" && delta::changedAny(title)]')
await q('count(*)')
await q('count(*[_type == "faq"])')
await t.close()
const l = await startLake({
  port: 0,
  dir: '/tmp/gq/l1',
  seed: undefined,
  quiet: true,
  queryTimeoutMs: 1500,
})
console.log('ok')
await l.close()
