// npm run bench:images — image delivery of the local lake: cold render vs disk-cached variant,
// a small request's latency idle vs while six large resizes run, peak memory during them, and
// the oversized request that used to allocate gigabytes. Prints a table; asserts nothing.
import {mkdtempSync, rmSync} from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import {join} from 'node:path'
import {createImageUrlBuilder} from '@sanity/image-url'
import sharp from 'sharp'
import {startLake} from '../lake/server/server'
import {clinicRules} from '../clinic-rules'
import {lakeClient} from '../test/helpers/lake'

const ACCEPT = 'image/avif,image/webp,image/apng,image/*,*/*;q=0.8' // Chromium's, for <img>

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function timed(url: string): Promise<{ms: number; status: number; cache: string | null}> {
  const started = performance.now()
  const response = await fetch(url, {headers: {accept: ACCEPT}})
  await response.arrayBuffer()
  return {
    ms: performance.now() - started,
    status: response.status,
    cache: response.headers.get('x-lake-cache'),
  }
}

/** Samples the process's resident memory until stopped; returns the peak. */
function rssSampler() {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  return () => {
    clearInterval(timer)
    return Math.max(peak, process.memoryUsage().rss)
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'ck-bench-images-'))
  const lake = await startLake({port: 0, dir, quiet: true, plugins: [clinicRules()]})
  try {
    const client = lakeClient(lake.url, lake.token)
    // A photo-sized source with texture, so encoders work as hard as on a real portrait.
    const photo = await sharp({
      create: {
        width: 2400,
        height: 1600,
        channels: 3,
        background: '#6a8caf',
        noise: {type: 'gaussian', mean: 128, sigma: 40},
      },
    })
      .jpeg({quality: 85})
      .toBuffer()
    const tiny = await sharp({create: {width: 100, height: 80, channels: 3, background: '#2878c8'}})
      .png()
      .toBuffer()
    const photoAsset = await client.assets.upload('image', photo, {filename: 'portrait.jpg'})
    const tinyAsset = await client.assets.upload('image', tiny, {filename: 'tiny.png'})
    const builder = createImageUrlBuilder({
      projectId: 'clinickit',
      dataset: 'production',
      baseUrl: lake.url,
    })

    // 1. Widget-shaped photo URLs (square crop, auto=format): first request renders, second is cached.
    const widths = [96, 192, 288, 480, 97, 193, 289, 481]
    const cold: number[] = []
    const cached: number[] = []
    for (const w of widths) {
      const url = builder.image(photoAsset._id).width(w).height(w).fit('crop').auto('format').url()
      const first = await timed(url)
      const second = await timed(url)
      if (first.cache !== 'miss' || second.cache !== 'hit')
        throw new Error(`expected miss then hit, got ${first.cache} then ${second.cache}`)
      cold.push(first.ms)
      cached.push(second.ms)
    }

    // 2. A small request (w=10, rendered afresh each time) idle, then while 6 × w=4000 run.
    let next = 10
    const small = () => timed(builder.image(tinyAsset._id).width(next++).url())
    const idle: number[] = []
    for (let i = 0; i < 5; i++) await small() // warm-up: first decodes, connection set-up
    for (let i = 0; i < 20; i++) idle.push((await small()).ms)
    const rssBefore = process.memoryUsage().rss
    const stopSampling = rssSampler()
    const bigStarted = performance.now()
    let bigDone = 0
    const big = Array.from({length: 6}, (_, i) =>
      timed(
        builder
          .image(tinyAsset._id)
          .width(4000 + i)
          .url(),
      ).then((r) => {
        bigDone++
        return r
      }),
    )
    const loaded: number[] = []
    while (bigDone < 6) loaded.push((await small()).ms)
    const bigResults = await Promise.all(big)
    const bigMs = performance.now() - bigStarted
    const peak = stopSampling()
    if (bigResults.some((r) => r.status !== 200)) throw new Error('a large resize failed')

    // 3. The request that used to answer a 24576×19661 image: six at once.
    const oversizedBefore = process.memoryUsage().rss
    const stopOversized = rssSampler()
    const oversizedStarted = performance.now()
    const oversized = await Promise.all(
      Array.from({length: 6}, (_, i) =>
        timed(
          builder
            .image(tinyAsset._id)
            .width(8192 - i)
            .dpr(3)
            .url(),
        ),
      ),
    )
    const oversizedMs = performance.now() - oversizedStarted
    const oversizedPeak = stopOversized()

    console.log(`\nLake image delivery (${availableParallelism()} cores; times in ms over HTTP)`)
    console.log('| measure | value | baseline | ratio |')
    console.log('| --- | ---: | ---: | ---: |')
    console.log(
      `| cached variant vs cold render, median of ${widths.length} 96–481 px square crops (auto=format) | ${median(cached).toFixed(1)} | ${median(cold).toFixed(1)} cold | ${(median(cold) / median(cached)).toFixed(1)}× faster |`,
    )
    console.log(
      `| w=10 render while 6 × w=4000 run, median of ${loaded.length} (max ${Math.max(...loaded).toFixed(0)}) | ${median(loaded).toFixed(1)} | ${median(idle).toFixed(1)} idle | ${(median(loaded) / median(idle)).toFixed(1)}× idle |`,
    )
    console.log(`| 6 × w=4000 (4000×3200 PNG) all done | ${bigMs.toFixed(0)} | | |`)
    console.log(
      `| peak memory during them (RSS, MB) | ${mb(peak)} | ${mb(rssBefore)} before | +${mb(peak - rssBefore)} MB |`,
    )
    console.log(
      `| 6 × w=8192&dpr=3 at once: all answered ${[...new Set(oversized.map((r) => r.status))].join('/')} | ${oversizedMs.toFixed(0)} | | +${mb(oversizedPeak - oversizedBefore)} MB RSS |`,
    )
  } finally {
    await lake.close()
    rmSync(dir, {recursive: true, force: true})
  }
}

void main()
