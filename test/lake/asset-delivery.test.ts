// Uploaded files are never active content: anything but a raster image is served as a download
// in a script-free sandbox, and the Studio's origin (HTTPS, not the project host) serves no
// upload at all but raster images; files are redirected to the project host.
import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {request} from 'node:https'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {studioSiteRoutes} from '../../lake/studio/site-route'
import {ensureLakeTls} from '../../lake/server/tls'
import {lakeClient, startTestLake, uploadTestImage, type TestLake} from '../helpers/lake'

const HTML = '<!doctype html><script>document.title = localStorage.getItem("token")</script>'

let t: TestLake
let ca: Buffer
let htmlUrl = ''
let pngUrl = ''
let svgUrl = ''
const studioDir = mkdtempSync(join(tmpdir(), 'ck-studio-site-'))

before(async () => {
  writeFileSync(join(studioDir, 'index.html'), '<!doctype html><title>Studio</title>')
  mkdirSync(join(studioDir, 'static'))
  const tlsDir = mkdtempSync(join(tmpdir(), 'ck-asset-tls-'))
  const tls = ensureLakeTls(tlsDir)
  ca = readFileSync(tls.caFile)
  // As `npm start` composes it: plain HTTP, HTTPS for the Studio, the Studio's routes.
  t = await startTestLake(undefined, {tls, tlsPort: 0, extraRoutes: studioSiteRoutes(studioDir)})
  const token = t.lake.users.add({
    id: 'uploader',
    name: 'Uploader',
    email: 'uploader@example.test',
    role: 'editor',
  }).token
  const uploader = lakeClient(t.lake.url, token)
  const html = await uploader.assets.upload('file', Buffer.from(HTML), {
    filename: 'page.html',
    contentType: 'text/html',
  })
  htmlUrl = html.url
  pngUrl = (await uploadTestImage(uploader, 5, 4, 'dot.png')).url
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>1</script></svg>'
  svgUrl = (
    await uploader.assets.upload('image', Buffer.from(svg), {
      filename: 'x.svg',
      contentType: 'image/svg+xml',
    })
  ).url
})
after(async () => {
  await t?.close()
  rmSync(studioDir, {recursive: true, force: true})
})

/** A GET over HTTPS to the lake's TLS port with the given Host (the browser's origin). */
function overTls(
  host: string,
  path: string,
): Promise<{status: number; headers: Record<string, string>}> {
  const port = new URL(t.lake.tlsUrl!).port
  return new Promise((resolve, reject) => {
    const req = request(
      {host: '127.0.0.1', port, path, ca, servername: host, headers: {host: `${host}:${port}`}},
      (res) => {
        res.resume()
        res.on('end', () =>
          resolve({status: res.statusCode!, headers: res.headers as Record<string, string>}),
        )
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('uploaded files', () => {
  it('serves an HTML upload as a sandboxed download, never as a page', async () => {
    const res = await fetch(htmlUrl)
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="page.html"/)
    assert.match(res.headers.get('content-security-policy') ?? '', /^sandbox; default-src 'none'/)
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(await res.text(), HTML)
  })

  it('delivers an SVG image as a PNG rendering, never as SVG', async () => {
    const res = await fetch(svgUrl)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'image/png')
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
    await res.arrayBuffer()
  })

  it('still serves a PNG inline', async () => {
    const res = await fetch(pngUrl)
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('content-type'), 'image/png')
    assert.equal(res.headers.get('content-disposition'), null)
    assert.equal(res.headers.get('content-security-policy'), null)
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
    await res.arrayBuffer()
  })
})

describe("the Studio's origin", () => {
  it('serves the Studio over HTTPS only, and not on the project host', async () => {
    assert.equal((await overTls('localhost', '/studio/production')).status, 200)
    assert.equal((await overTls('clinickit.localhost', '/studio/production')).status, 404)
    const plain = await fetch(`${t.lake.url}/studio/production`)
    assert.equal(plain.status, 404)
    await plain.arrayBuffer()
  })

  it('sends a file asked of the Studio’s origin to the project host', async () => {
    const {pathname} = new URL(htmlUrl)
    const port = new URL(t.lake.tlsUrl!).port
    const onStudio = await overTls('localhost', pathname)
    assert.equal(onStudio.status, 307)
    assert.equal(onStudio.headers.location, `https://clinickit.localhost:${port}${pathname}`)
    const svgOnStudio = await overTls('localhost', new URL(svgUrl).pathname)
    assert.equal(svgOnStudio.status, 307)
    const onProjectHost = await overTls('clinickit.localhost', pathname)
    assert.equal(onProjectHost.status, 200)
    assert.match(onProjectHost.headers['content-disposition'] ?? '', /^attachment/)
  })

  it('serves raster images on the Studio’s origin, where the Studio draws them', async () => {
    const res = await overTls('localhost', new URL(pngUrl).pathname)
    assert.equal(res.status, 200)
    assert.equal(res.headers['content-type'], 'image/png')
  })
})
