// `npm run lake:import` against real lakes: a running lake's folder is refused, --url imports
// through the HTTP API, the modes of `sanity dataset import`, all-or-nothing, and _sanityAsset.
import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import sharp from 'sharp'
import {startLake} from '../../lake/server/server'
import {lakeClient, startTestLake, type TestLake} from '../helpers/lake'

interface CliResult {
  code: number
  stdout: string
  stderr: string
}

function lakeCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/lake.ts', ...args],
      {env: {...process.env, SANITY_API_TOKEN: '', ...env}},
      (error, stdout, stderr) =>
        resolve({code: error ? Number(error.code ?? 1) : 0, stdout, stderr}),
    )
  })
}

const work = mkdtempSync(join(tmpdir(), 'ck-import-'))
function ndjson(name: string, lines: Array<Record<string, unknown> | string>): string {
  const file = join(work, name)
  writeFileSync(
    file,
    lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'),
  )
  return file
}

let t: TestLake
before(async () => {
  t = await startTestLake(undefined)
  await t.client.create({_id: 'existing', _type: 'note', title: 'Before'})
})
after(async () => {
  await t?.close()
  rmSync(work, {recursive: true, force: true})
})

const viaUrl = (file: string, ...flags: string[]) =>
  lakeCli(['import', file, '--dir', t.dir, '--url', t.lake.url, ...flags])

describe('import into a running lake', () => {
  it('refuses its folder and says how to import through the API', async () => {
    const file = ndjson('refused.ndjson', [{_id: 'refused', _type: 'note'}])
    const result = await lakeCli(['import', file, '--dir', t.dir])
    assert.equal(result.code, 1)
    assert.match(
      result.stderr,
      /is in use by a running lake \(pid \d+, http:\/\/127\.0\.0\.1:\d+\)/,
    )
    assert.ok(result.stderr.includes(`--url ${t.lake.url}`), result.stderr)
    assert.equal(await t.client.getDocument('refused'), undefined)
  })

  it('imports through the HTTP API with --url, and the lake serves the documents', async () => {
    const file = ndjson('url.ndjson', [
      {_id: 'via-http-1', _type: 'note', title: 'One'},
      {_id: 'via-http-2', _type: 'note', title: 'Two'},
    ])
    const result = await viaUrl(file)
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /imported 2 documents/)
    const titles = await t.client.fetch<string[]>(
      '*[_id in ["via-http-1", "via-http-2"]] | order(_id).title',
    )
    assert.deepEqual(titles, ['One', 'Two'])
  })

  it('fails on an existing id by default, and writes nothing', async () => {
    const file = ndjson('clash.ndjson', [
      {_id: 'clash-new', _type: 'note'},
      {_id: 'existing', _type: 'note', title: 'After'},
    ])
    const result = await viaUrl(file)
    assert.equal(result.code, 1)
    assert.match(result.stderr, /Document by ID "existing" already exists/)
    assert.equal(await t.client.getDocument('clash-new'), undefined)
    assert.equal((await t.client.getDocument('existing'))?.title, 'Before')
  })

  it('skips existing ids with --missing and replaces them with --replace', async () => {
    const file = ndjson('modes.ndjson', [
      {_id: 'missing-new', _type: 'note', title: 'New'},
      {_id: 'existing', _type: 'note', title: 'After'},
    ])
    const missing = await viaUrl(file, '--missing')
    assert.equal(missing.code, 0, missing.stderr)
    assert.equal((await t.client.getDocument('existing'))?.title, 'Before')
    assert.equal((await t.client.getDocument('missing-new'))?.title, 'New')
    const replace = await viaUrl(file, '--replace')
    assert.equal(replace.code, 0, replace.stderr)
    assert.equal((await t.client.getDocument('existing'))?.title, 'After')
    const both = await viaUrl(file, '--replace', '--missing')
    assert.equal(both.code, 1)
    assert.match(both.stderr, /exclude each other/)
  })

  it('writes nothing when a line is bad or an asset file is missing', async () => {
    const badLine = ndjson('bad-line.ndjson', [{_id: 'bad-1', _type: 'note'}, '{"_id": "bad-2",'])
    const bad = await viaUrl(badLine)
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /bad-line\.ndjson:2: not valid JSON/)
    const noFile = ndjson('no-file.ndjson', [
      {_id: 'asset-less', _type: 'note'},
      {_id: 'with-gone', _type: 'note', image: {_sanityAsset: 'image@file://./gone.png'}},
    ])
    const gone = await viaUrl(noFile)
    assert.equal(gone.code, 1)
    assert.match(gone.stderr, /do not exist:\n\s+\S+gone\.png \(document "with-gone"\)/)
    const remote = ndjson('remote.ndjson', [
      {_id: 'remote', _type: 'note', image: {_sanityAsset: 'image@https://cdn.example/a.png'}},
    ])
    const offline = await viaUrl(remote)
    assert.equal(offline.code, 1)
    assert.match(offline.stderr, /cannot fetch these assets.*\n\s+https:\/\/cdn\.example\/a\.png/)
    const found = await t.client.fetch<number>(
      'count(*[_id in ["bad-1", "asset-less", "with-gone", "remote"]])',
    )
    assert.equal(found, 0)
    const assets = await t.client.fetch<number>('count(*[_type == "sanity.imageAsset"])')
    assert.equal(assets, 0)
  })

  it('turns a _sanityAsset file into an asset document and a reference, and serves the image', async () => {
    const png = await sharp({
      create: {width: 30, height: 20, channels: 3, background: {r: 200, g: 40, b: 40}},
    })
      .png()
      .toBuffer()
    writeFileSync(join(work, 'photo.png'), png)
    writeFileSync(join(work, 'leaflet.pdf'), '%PDF-1.4 a leaflet')
    const file = ndjson('assets.ndjson', [
      {
        _id: 'with-image',
        _type: 'note',
        photo: {_type: 'image', alt: 'Red', _sanityAsset: 'image@file://./photo.png'},
        gallery: [{_key: 'k1', _sanityAsset: 'image@file://./photo.png'}],
        leaflet: {_sanityAsset: `file@file://${join(work, 'leaflet.pdf')}`},
      },
    ])
    const result = await viaUrl(file)
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /imported 1 documents and 2 assets/)
    const doc = await t.client.getDocument('with-image')
    const imageRef = doc?.photo.asset._ref as string
    assert.match(imageRef, /^image-[a-f0-9]{40}-30x20-png$/)
    // The shape of Sanity's import: the field goes, `asset` is a reference; an object left
    // empty gets the asset kind as _type.
    assert.deepEqual(doc?.photo, {
      _type: 'image',
      alt: 'Red',
      asset: {_ref: imageRef, _type: 'reference'},
    })
    assert.deepEqual(doc?.gallery, [{_key: 'k1', asset: {_ref: imageRef, _type: 'reference'}}])
    assert.match(doc?.leaflet.asset._ref as string, /^file-[a-f0-9]{40}-pdf$/)
    assert.equal(doc?.leaflet._type, 'file')
    const asset = await t.client.getDocument(imageRef)
    assert.equal(asset?._type, 'sanity.imageAsset')
    assert.equal(asset?.metadata.dimensions.width, 30)
    const image = await fetch(`${asset?.url}?w=15`)
    assert.equal(image.status, 200)
    assert.equal((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width, 15)
    const pdf = await t.client.getDocument(doc?.leaflet.asset._ref as string)
    assert.equal(pdf?.mimeType, 'application/pdf')
  })
})

describe('export from a running lake', () => {
  it('refuses its folder, and exports a dataset through the API with --url', async () => {
    const out = join(work, 'export.ndjson')
    const refused = await lakeCli(['export', out, '--dir', t.dir])
    assert.equal(refused.code, 1)
    assert.ok(refused.stderr.includes(`npm run lake:export -- ${out} --dir ${t.dir} --url`))
    await t.client.datasets.create('exported')
    await t.client.withConfig({dataset: 'exported'}).create({_id: 'draft-free', _type: 'note'})
    await t.client.withConfig({dataset: 'exported'}).create({_id: 'drafts.x', _type: 'note'})
    const result = await lakeCli([
      'export',
      out,
      '--dir',
      t.dir,
      '--url',
      t.lake.url,
      '--dataset',
      'exported',
    ])
    assert.equal(result.code, 0, result.stderr)
    const ids = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as {_id: string})._id)
      .sort()
    assert.deepEqual(ids, ['draft-free', 'drafts.x'])
  })
})

describe('import into a stopped lake', () => {
  it('imports into a dataset with its assets, in one transaction the lake then serves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-import-offline-'))
    try {
      const created = await lakeCli(['dataset', 'create', 'staging', '--dir', dir])
      assert.equal(created.code, 0, created.stderr)
      const file = ndjson('offline.ndjson', [
        {_id: 'offline-1', _type: 'note', photo: {_sanityAsset: 'image@file://./photo.png'}},
      ])
      const result = await lakeCli(['import', file, '--dir', dir, '--dataset', 'staging'])
      assert.equal(result.code, 0, result.stderr)
      const lake = await startLake({port: 0, dir, quiet: true})
      try {
        const staging = lakeClient(lake.url, lake.token).withConfig({dataset: 'staging'})
        const doc = await staging.getDocument('offline-1')
        assert.equal(doc?.photo._type, 'image')
        const asset = await staging.getDocument(doc?.photo.asset._ref as string)
        const path = new URL(String(asset?.url)).pathname
        assert.equal((await fetch(`${lake.url}${path}`)).status, 200)
        const production = lakeClient(lake.url, lake.token)
        assert.equal(await production.getDocument('offline-1'), undefined)
      } finally {
        await lake.close()
      }
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('import of a file above the 10 MB request limit into a running lake', () => {
  const filler = 'x'.repeat(16_000)
  const bigLines = (prefix: string) =>
    Array.from({length: 700}, (_, i) => ({_id: `${prefix}-${i}`, _type: 'bulk', i, filler}))
  const countOf = (prefix: string) =>
    t.client.fetch<number>('count(*[_type == "bulk" && _id match $prefix])', {
      prefix: `${prefix}-*`,
    })
  const token = () => ({SANITY_API_TOKEN: t.lake.token})

  it('sends it in batches and every document arrives', async () => {
    const file = ndjson('big.ndjson', bigLines('big'))
    assert.ok(readFileSync(file).length > 10 * 1024 * 1024)
    const result = await lakeCli(['import', file, '--dir', t.dir, '--url', t.lake.url], token())
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /imported 700 documents/)
    assert.equal(await countOf('big'), 700)
  })

  it('leaves the dataset unchanged when the lake refuses a document in the last batch', async () => {
    const title = (await t.client.getDocument('existing'))?.title
    const file = ndjson('big-conflict.ndjson', [
      ...bigLines('conflict'),
      {_id: 'existing', _type: 'note', title: 'Overwritten?'},
    ])
    const result = await lakeCli(['import', file, '--dir', t.dir, '--url', t.lake.url], token())
    assert.equal(result.code, 1)
    assert.match(result.stderr, /existing/)
    assert.equal(await countOf('conflict'), 0)
    assert.equal((await t.client.getDocument('existing'))?.title, title)
  })

  it('leaves the dataset unchanged for a bad line at the end of the file', async () => {
    const file = ndjson('big-bad-line.ndjson', [...bigLines('badline'), '{"_id": "broken",'])
    const result = await lakeCli(['import', file, '--dir', t.dir, '--url', t.lake.url], token())
    assert.equal(result.code, 1)
    assert.match(result.stderr, /big-bad-line\.ndjson:701: not valid JSON/)
    assert.equal(await countOf('badline'), 0)
  })

  it('writes nothing for an import whose batches are sent but never committed', async () => {
    const api = `${t.lake.url}/v2025-02-19/data/import/production`
    const post = (url: string, body: unknown, bearer = t.lake.token) =>
      fetch(url, {
        method: 'POST',
        headers: {authorization: `Bearer ${bearer}`, 'content-type': 'application/json'},
        body: JSON.stringify(body),
      })
    const opened = await post(api, {})
    assert.equal(opened.status, 200)
    const {importId} = (await opened.json()) as {importId: string}
    const batch = await post(`${api}/${importId}`, {
      mutations: [{create: {_id: 'staged-1', _type: 'bulk'}}],
    })
    assert.equal(batch.status, 200, await batch.text())
    assert.equal(await t.client.getDocument('staged-1'), undefined)
    const anonymous = await fetch(`${api}/${importId}/commit`, {method: 'POST'})
    assert.equal(anonymous.status, 401)
    assert.equal(await t.client.getDocument('staged-1'), undefined)
    const committed = await post(`${api}/${importId}/commit`, {})
    assert.equal(committed.status, 200, await committed.text())
    assert.equal((await t.client.getDocument('staged-1'))?._type, 'bulk')
    const again = await post(`${api}/${importId}/commit`, {})
    assert.equal(again.status, 404)
  })
})
