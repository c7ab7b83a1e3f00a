// The same routes over HTTP/2 with TLS (what the Studio needs), and HTTP/1.1 on the same port.
import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {connect} from 'node:http2'
import {request} from 'node:https'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {SAMPLE_PATH} from '../../content/build'
import {startLake, type RunningLake} from '../../lake/server/server'
import {ensureLakeTls} from '../../lake/server/tls'

let lake: RunningLake
let ca: Buffer
const dir = mkdtempSync(join(tmpdir(), 'ck-h2-'))
before(async () => {
  const tls = ensureLakeTls(dir)
  ca = readFileSync(tls.caFile)
  lake = await startLake({port: 0, dir, seed: SAMPLE_PATH, tls, quiet: true})
})
after(async () => {
  await lake?.close()
  rmSync(dir, {recursive: true, force: true})
})

const path = '/v2025-02-19/data/query/production?query=count(*%5B_type%3D%3D%22faq%22%5D)'

describe('HTTP/2 over TLS', () => {
  it('answers queries over h2 with a certificate signed by the lake CA', async () => {
    // node:http2's client speaks only h2, so an answer proves HTTP/2. The Studio calls
    // <projectId>.localhost: the certificate must name it.
    const session = connect(lake.url, {ca, servername: 'clinickit.localhost'})
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const stream = session.request({':path': path})
        let data = ''
        stream.setEncoding('utf8')
        stream.on('data', (chunk: string) => (data += chunk))
        stream.on('end', () => resolve(data))
        stream.on('error', reject)
      })
      assert.equal((JSON.parse(body) as {result: number}).result, 10)
    } finally {
      session.close()
    }
  })

  it('still answers HTTP/1.1 clients on the same port', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${lake.url}${path}`, {ca}, (res) => {
        let data = ''
        res.on('data', (chunk: Buffer) => (data += chunk.toString()))
        res.on('end', () => resolve(data))
      })
      req.on('error', reject)
      req.end()
    })
    assert.equal((JSON.parse(body) as {result: number}).result, 10)
  })
})
