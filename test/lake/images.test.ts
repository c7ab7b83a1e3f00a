// Image delivery: Sanity's pipeline parameters checked and applied, output and input pixel caps,
// the render queue, and the disk cache of variants. A real lake, real @sanity/image-url URLs.
import assert from 'node:assert/strict'
import type {ChildProcess} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {SanityImageAssetDocument} from '@sanity/client'
import {createImageUrlBuilder} from '@sanity/image-url'
import sharp from 'sharp'
import {startLake} from '../../lake/server/server'
import {lakeClient, spawnLakeCli, startTestLake, type TestLake} from '../helpers/lake'

/** A 100×80 PNG with four coloured quarters: red, green / blue, white. */
async function quarters(): Promise<Buffer> {
  const quarter = (background: string) =>
    sharp({create: {width: 50, height: 40, channels: 3, background}})
      .png()
      .toBuffer()
  return sharp({create: {width: 100, height: 80, channels: 3, background: '#000'}})
    .composite([
      {input: await quarter('#ff0000'), left: 0, top: 0},
      {input: await quarter('#00ff00'), left: 50, top: 0},
      {input: await quarter('#0000ff'), left: 0, top: 40},
      {input: await quarter('#ffffff'), left: 50, top: 40},
    ])
    .png()
    .toBuffer()
}

function builderFor(baseUrl: string) {
  return createImageUrlBuilder({projectId: 'clinickit', dataset: 'production', baseUrl})
}

async function image(url: string, accept = '') {
  const response = await fetch(url, {headers: {accept}})
  const bytes = Buffer.from(await response.arrayBuffer())
  return {response, bytes}
}

/** Size and the colour (as r,g,b bits) at each corner. */
async function corners(bytes: Buffer) {
  const {data, info} = await sharp(bytes)
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({resolveWithObject: true})
  const at = (x: number, y: number) => {
    const i = (y * info.width + x) * info.channels
    return [data[i]!, data[i + 1]!, data[i + 2]!].map((v) => (v > 128 ? 1 : 0)).join('')
  }
  const right = info.width - 1
  const bottom = info.height - 1
  return {
    size: `${info.width}x${info.height}`,
    corners: [at(0, 0), at(right, 0), at(0, bottom), at(right, bottom)].join(' '),
  }
}

const variantsOf = (dir: string) => {
  const folder = join(dir, 'assets', 'variants')
  return existsSync(folder) ? readdirSync(folder).filter((name) => !name.endsWith('.tmp')) : []
}

describe('image parameters', () => {
  let t: TestLake
  let asset: SanityImageAssetDocument
  let original: Buffer
  before(async () => {
    t = await startTestLake(undefined)
    original = await quarters()
    asset = await t.client.assets.upload('image', original, {filename: 'quarters.png'})
  })
  after(() => t.close())
  const url = () => builderFor(t.lake.url).image(asset._id)

  it('answers 400 naming the parameter and its range, and renders nothing', async () => {
    const bad: Array<[string, string]> = [
      [url().quality(1000).url(), 'q'],
      [url().quality(-5).url(), 'q'],
      [`${url().url()}?dpr=NaN`, 'dpr'],
      [`${url().width(100).url()}&dpr=4`, 'dpr'],
      [url().rect(60, 0, 50, 40).url(), 'rect'],
      [url().rect(0, 0, 100, 81).url(), 'rect'],
      [`${url().url()}?rect=0,0,10`, 'rect'],
      [url().width(0).url(), 'w'],
      [url().width(99999).url(), 'w'],
      [url().width(10.5).url(), 'w'],
      [url().height(-1).url(), 'h'],
      [url().maxWidth(9000).url(), 'max-w'],
      [
        url()
          .format('bmp' as 'png')
          .url(),
        'fm',
      ],
      [`${url().url()}?fit=cover`, 'fit'],
      [`${url().url()}?crop=middle`, 'crop'],
      [url().blur(0).url(), 'blur'],
      [url().blur(2001).url(), 'blur'],
      [url().sharpen(101).url(), 'sharp'],
      [url().saturation(-101).url(), 'sat'],
      [
        url()
          .orientation(45 as 90)
          .url(),
        'or',
      ],
      [`${url().url()}?flip=x`, 'flip'],
      [url().bg('zz0000').url(), 'bg'],
      [url().focalPoint(1.5, 0.5).url(), 'fp-x'],
      [`${url().url()}?invert=maybe`, 'invert'],
      [`${url().url()}?auto=compress`, 'auto'],
      [`${url().url()}?frame=2`, 'frame'],
      [url().pad(-2).url(), 'pad'],
    ]
    for (const [address, parameter] of bad) {
      const response = await fetch(address)
      assert.equal(response.status, 400, address)
      const body = (await response.json()) as {
        error: {description: string; type: string; parameter: string; allowed: string}
      }
      assert.equal(body.error.type, 'validationError', address)
      assert.equal(body.error.parameter, parameter, address)
      assert.match(body.error.description, new RegExp(`"${parameter}"`), address)
      assert.ok(body.error.allowed, address)
    }
    assert.deepEqual(variantsOf(t.dir), [])
  })

  it('caps the final output after dpr, and refuses without allocating it', async () => {
    const rss = process.memoryUsage().rss
    // The reported case: 8192 passes the w check, dpr 3 made it a 24576×19661 image.
    const response = await fetch(url().width(8192).dpr(3).url())
    assert.equal(response.status, 400)
    const body = (await response.json()) as {error: {parameter: string; width: number}}
    assert.equal(body.error.parameter, 'dpr')
    assert.equal(body.error.width, 24576)
    // Under the side cap but over the pixel cap: 8190×6552 is 53.7 MP.
    const total = await fetch(url().width(2730).dpr(3).url())
    assert.equal(total.status, 400)
    assert.match(
      ((await total.json()) as {error: {description: string}}).error.description,
      /megapixels/,
    )
    // Padding counts: 8192 + 2×1 is over the side cap.
    assert.equal((await fetch(url().width(8192).pad(1).url())).status, 400)
    // A 24576×19661 RGB image alone is 1.4 GB; nothing near that was allocated.
    assert.ok(process.memoryUsage().rss - rss < 300 * 1024 * 1024)
  })

  it('serves the Studio’s own preview URL (w=2000, fit=max, dpr=3) as the original', async () => {
    const {response, bytes} = await image(url().width(2000).fit('max').dpr(3).url())
    assert.equal(response.status, 200)
    assert.deepEqual(bytes, original)
  })

  it('applies rect, fit, crop, orientation, flips, fill and pad like the pipeline', async () => {
    const cases: Array<[string, string, string]> = [
      // [url, size, corners TL TR BL BR as rgb bits]
      [url().width(50).url(), '50x40', '100 010 001 111'],
      [url().width(50).dpr(2).url(), '100x80', '100 010 001 111'],
      [url().height(20).url(), '25x20', '100 010 001 111'],
      [
        url().ignoreImageParams().width(50).height(10).fit('scale').url(),
        '50x10',
        '100 010 001 111',
      ],
      [
        url().ignoreImageParams().width(50).height(50).fit('clip').url(),
        '50x40',
        '100 010 001 111',
      ],
      [url().rect(50, 0, 50, 40).url(), '50x40', '010 010 010 010'],
      [url().rect(0, 40, 50, 40).width(25).url(), '25x20', '001 001 001 001'],
      [url().orientation(90).url(), '80x100', '001 100 111 010'],
      [url().orientation(180).url(), '100x80', '111 001 010 100'],
      [url().orientation(270).url(), '80x100', '010 111 100 001'],
      [url().flipHorizontal().url(), '100x80', '010 100 111 001'],
      [url().flipVertical().url(), '100x80', '001 111 100 010'],
      // Rotated first, then mirrored.
      [url().orientation(90).flipHorizontal().url(), '80x100', '100 001 010 111'],
      // Square crops: the left 80 columns, or centred on the focal point at the right edge.
      [url().width(40).height(40).fit('crop').crop('left').url(), '40x40', '100 010 001 111'],
      [
        url().width(30).height(30).fit('crop').crop('focalpoint').focalPoint(1, 0).url(),
        '30x30',
        '100 010 001 111',
      ],
      // Only the top-left quarter's colour survives a square crop pinned top-left on a quarter.
      [
        url().rect(0, 0, 50, 40).width(20).height(20).fit('crop').crop('left').url(),
        '20x20',
        '100 100 100 100',
      ],
      // (ignoreImageParams: no rect from the builder, so the fit itself is what is tested.)
      // fit=min never upscales: 4:1 from the 100-wide source is 100×25.
      [
        url().ignoreImageParams().width(400).height(100).fit('min').url(),
        '100x25',
        '100 010 001 111',
      ],
      [
        url().ignoreImageParams().width(200).height(100).fit('fill').bg('ff00ff').url(),
        '200x100',
        '101 101 101 101',
      ],
      [
        url().ignoreImageParams().width(200).height(100).fit('fillmax').bg('000').url(),
        '200x100',
        '000 000 000 000',
      ],
      [url().width(50).pad(5).bg('000').url(), '60x50', '000 000 000 000'],
      [url().width(20).invert(true).url(), '20x16', '011 101 110 000'],
      [url().width(20).saturation(-100).url(), '20x16', '000 111 000 111'],
    ]
    for (const [address, size, colours] of cases) {
      const {response, bytes} = await image(address)
      assert.equal(response.status, 200, address)
      assert.deepEqual(await corners(bytes), {size, corners: colours}, address)
    }
  })

  it('encodes fm and auto=format from Accept, with the CDN’s caching headers', async () => {
    const formats: Array<[string, string, string]> = [
      [url().width(20).url(), '', 'image/png'],
      [url().width(20).format('jpg').url(), '', 'image/jpeg'],
      [url().width(20).format('webp').url(), '', 'image/webp'],
      [url().width(20).auto('format').url(), 'image/avif,image/webp,*/*', 'image/avif'],
      [url().width(20).auto('format').url(), 'image/webp,*/*', 'image/webp'],
      [url().width(20).auto('format').url(), 'image/png,*/*', 'image/png'],
    ]
    for (const [address, accept, type] of formats) {
      const {response, bytes} = await image(address, accept)
      assert.equal(response.headers.get('content-type'), type, `${address} ${accept}`)
      assert.equal(response.headers.get('vary'), 'Accept')
      assert.match(String(response.headers.get('cache-control')), /max-age=31536000/)
      const meta = await sharp(bytes).metadata()
      assert.equal(meta.width, 20)
      assert.equal(
        `image/${meta.format === 'jpeg' ? 'jpeg' : meta.format === 'heif' ? 'avif' : meta.format}`,
        type,
      )
    }
  })

  it('serves dl as a download named by the value or the uploaded file name', async () => {
    const named = await fetch(url().width(20).forceDownload('clinic photo.png').url())
    assert.match(
      String(named.headers.get('content-disposition')),
      /^attachment; filename="clinic photo.png"/,
    )
    const own = await fetch(`${url().url()}?dl=`)
    assert.match(String(own.headers.get('content-disposition')), /filename="quarters.png"/)
  })

  it('serves the builder’s vanity names, which change nothing', async () => {
    const plain = await image(url().width(20).url())
    const named = await image(url().width(20).vanityName('clinic-front.png').url())
    assert.equal(named.response.status, 200)
    assert.deepEqual(named.bytes, plain.bytes)
  })

  it('answers 404 for a file name whose size is not the asset’s', async () => {
    const wrong = url().url().replace('-100x80.', '-10x8.')
    assert.equal((await fetch(wrong)).status, 404)
  })
})

describe('image cache', () => {
  it('serves a second request from disk, with the same bytes and headers, after a restart too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-images-cache-'))
    try {
      let lake = await startLake({port: 0, dir, quiet: true})
      const asset = await lakeClient(lake.url, lake.token).assets.upload('image', await quarters())
      const address = (base: string) =>
        builderFor(base).image(asset._id).width(30).format('webp').url()
      const first = await image(address(lake.url))
      assert.equal(first.response.headers.get('x-lake-cache'), 'miss')
      assert.equal(variantsOf(dir).length, 1)
      const second = await image(address(lake.url))
      assert.equal(second.response.headers.get('x-lake-cache'), 'hit')
      assert.deepEqual(second.bytes, first.bytes)
      for (const header of ['content-type', 'content-length', 'cache-control', 'vary'])
        assert.equal(second.response.headers.get(header), first.response.headers.get(header))
      // The same variant spelled differently (parameter order, an unknown parameter) is a hit.
      const respelled = `${lake.url}${new URL(address(lake.url)).pathname}?fm=webp&utm=x&w=30`
      assert.equal((await fetch(respelled)).headers.get('x-lake-cache'), 'hit')
      await lake.close()
      lake = await startLake({port: 0, dir, quiet: true})
      const restarted = await image(address(lake.url))
      assert.equal(restarted.response.headers.get('x-lake-cache'), 'hit')
      assert.deepEqual(restarted.bytes, first.bytes)
      await lake.close()
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('image limits', () => {
  it('refuses an upload above the input pixel limit, storing nothing', async () => {
    const t = await startTestLake(undefined)
    try {
      // 7100×7100 is 50.4 MP, just over the 50 MP default.
      const big = await sharp({
        create: {width: 7100, height: 7100, channels: 3, background: '#888'},
      })
        .png()
        .toBuffer()
      await assert.rejects(
        t.client.assets.upload('image', big),
        (error: Error & {statusCode?: number}) => {
          assert.equal(error.statusCode, 400)
          assert.match(error.message, /50000000 pixels/)
          return true
        },
      )
      const stored = existsSync(join(t.dir, 'assets')) ? readdirSync(join(t.dir, 'assets')) : []
      assert.deepEqual(stored, [])
      assert.equal(await t.client.fetch('count(*[_type == "sanity.imageAsset"])'), 0)
    } finally {
      await t.close()
    }
  })
})

describe('image source limit', () => {
  it('serves a source above the limit as it is, and refuses to transform it', async () => {
    const t = await startTestLake(undefined)
    try {
      const asset = await t.client.assets.upload('image', await quarters())
      // Lowered after the upload (100×80 = 8000 pixels), before the lake first serves an image.
      process.env.LAKE_IMAGE_MAX_INPUT_PIXELS = '5000'
      const builder = builderFor(t.lake.url).image(asset._id)
      const resized = await fetch(builder.width(10).url())
      assert.equal(resized.status, 400)
      const body = (await resized.json()) as {error: {description: string}}
      assert.match(body.error.description, /8000 pixels.*up to 5000/)
      assert.equal((await fetch(builder.url())).status, 200)
    } finally {
      delete process.env.LAKE_IMAGE_MAX_INPUT_PIXELS
      await t.close()
    }
  })
})

describe('image queue', () => {
  it('serves a small request while six large resizes run, ahead of most of them', async () => {
    const t = await startTestLake(undefined)
    try {
      const asset = await t.client.assets.upload('image', await quarters())
      const builder = builderFor(t.lake.url).image(asset._id)
      const finished: number[] = []
      // Distinct widths: six renders, not one shared by six requests.
      const large = Array.from({length: 6}, (_, i) =>
        fetch(builder.width(4000 + i).url()).then(async (response) => {
          assert.equal(response.status, 200)
          await response.arrayBuffer()
          finished.push(performance.now())
        }),
      )
      const started = performance.now()
      const small = await fetch(builder.width(10).url())
      assert.equal(small.status, 200)
      await small.arrayBuffer()
      const waited = performance.now() - started
      const doneBefore = finished.length
      await Promise.all(large)
      const allDone = Math.max(...finished) - started
      console.log(
        `small request: ${Math.round(waited)} ms while 6 × w=4000 ran (${Math.round(allDone)} ms); ${doneBefore} of them done before it`,
      )
      // First come, first served would put it behind at least four of the six.
      assert.ok(doneBefore <= 2, `${doneBefore} large resizes finished first`)
      // On 2 cores it shares the CPU with two renders; 3 s leaves room for a loaded machine.
      assert.ok(waited < 3000, `waited ${Math.round(waited)} ms`)
    } finally {
      await t.close()
    }
  })

  describe('when full', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-images-queue-'))
    let child: ChildProcess | undefined
    after(() => {
      child?.kill('SIGKILL')
      rmSync(dir, {recursive: true, force: true})
    })

    async function startCli(env: Record<string, string>): Promise<string> {
      const started = await spawnLakeCli(dir, {SANITY_API_TOKEN: 'images-test-token', ...env})
      child = started.child
      return started.url
    }

    it('answers 503 with Retry-After in Sanity’s error shape, and serves the rest', async () => {
      const url = await startCli({
        LAKE_IMAGE_CONCURRENCY: '1',
        LAKE_IMAGE_QUEUE: '2',
        LAKE_IMAGE_CACHE_MB: '0.002',
      })
      const client = lakeClient(url, 'images-test-token')
      const asset = await client.assets.upload('image', await quarters())
      const builder = builderFor(url).image(asset._id)
      const responses = await Promise.all(
        Array.from({length: 8}, (_, i) => fetch(builder.width(3000 + i).url())),
      )
      const statuses = responses.map((r) => r.status)
      const busy = responses.filter((r) => r.status === 503)
      // One running and two waiting are served; the rest are turned away (all of them, unless a
      // render finished before the last request arrived).
      assert.ok(
        statuses.every((s) => s === 200 || s === 503),
        statuses.join(),
      )
      assert.ok(statuses.filter((s) => s === 200).length >= 3, statuses.join())
      assert.ok(busy.length >= 1, statuses.join())
      for (const response of busy) {
        assert.ok(Number(response.headers.get('retry-after')) >= 1)
        const body = (await response.json()) as {error: {type: string; description: string}}
        assert.equal(body.error.type, 'imageQueueFullError')
        assert.match(body.error.description, /busy/)
      }
      await Promise.all(responses.filter((r) => r.status === 200).map((r) => r.arrayBuffer()))

      // The 2 KB cache cap: many small variants, the folder stays under it, oldest go first.
      const small = (w: number) => builder.width(w).format('png').url()
      for (let w = 20; w < 60; w++) assert.equal((await fetch(small(w))).status, 200)
      const folder = join(dir, 'assets', 'variants')
      const bytes = readdirSync(folder).reduce(
        (sum, name) => sum + statSync(join(folder, name)).size,
        0,
      )
      assert.ok(bytes <= 0.002 * 1024 * 1024, `${bytes} bytes cached`)
      const kept = readdirSync(folder).length
      assert.ok(kept > 0 && kept < 40, `${kept} of 40 variants kept`)
      assert.equal((await fetch(small(59))).headers.get('x-lake-cache'), 'hit')
      assert.equal((await fetch(small(20))).headers.get('x-lake-cache'), 'miss')
    })
  })
})
