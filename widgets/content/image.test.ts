// The photo square: inside the editor's crop, centred on the hotspot where it fits.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {createImageUrlBuilder} from '@sanity/image-url'
import {photoSrcset, photoUrl, squareRect} from './image'
import type {ClinicianPhoto} from './queries'

const photo = (overrides: Partial<ClinicianPhoto> = {}): ClinicianPhoto => ({
  alt: 'Portrait',
  crop: null,
  hotspot: null,
  asset: {url: 'https://cdn.sanity.io/images/p/d/abc-800x1200.jpg', width: 800, height: 1200},
  ...overrides,
})

describe('photo URLs', () => {
  it('takes the largest centred square without crop or hotspot', () => {
    assert.deepEqual(squareRect(photo()), {left: 0, top: 200, size: 800})
  })

  it('centres the square on the hotspot, kept inside the crop', () => {
    const hotspot = {_type: 'sanity.imageHotspot' as const, x: 0.5, y: 0.1, width: 0.2, height: 0.2}
    // Hotspot near the top: the square starts at the top edge, not above it.
    assert.deepEqual(squareRect(photo({hotspot})), {left: 0, top: 0, size: 800})
    const crop = {_type: 'sanity.imageCrop' as const, left: 0.25, right: 0, top: 0.5, bottom: 0}
    // Crop leaves x 200–800, y 600–1200: a 600 px square, which the crop pins to y 600.
    assert.deepEqual(squareRect(photo({hotspot, crop})), {left: 200, top: 600, size: 600})
  })

  it('builds URLs with rect, size, fit and format, and no upscaled srcset entries', () => {
    const crop = {_type: 'sanity.imageCrop' as const, left: 0, right: 0, top: 0, bottom: 0.8}
    const small = photo({crop}) // 800×240 visible: a 240 px square
    assert.equal(
      photoUrl(small, 96),
      'https://cdn.sanity.io/images/p/d/abc-800x1200.jpg?rect=280,0,240,240&w=96&h=96&fit=crop&auto=format',
    )
    assert.deepEqual(
      photoSrcset(small)
        .split(', ')
        .map((e) => e.split(' ')[1]),
      ['96w', '192w'],
    )
  })

  it('refuses assets without a web URL or size', () => {
    assert.equal(
      photoUrl(photo({asset: {url: 'javascript:alert(1)', width: 1, height: 1}}), 96),
      null,
    )
    assert.equal(
      photoUrl(photo({asset: {url: 'https://x/y.jpg', width: null, height: null}}), 96),
      null,
    )
  })

  it('makes exactly the URLs of Sanity’s own @sanity/image-url builder', () => {
    const builder = createImageUrlBuilder({projectId: 'p', dataset: 'd'})
    const compare = (
      width: number,
      height: number,
      crop: ClinicianPhoto['crop'],
      hotspot: ClinicianPhoto['hotspot'],
    ) => {
      const source = {asset: {_ref: `image-abc-${width}x${height}-jpg`}, crop, hotspot}
      const theirs = builder
        .image(source as Parameters<typeof builder.image>[0])
        .width(96)
        .height(96)
        .fit('crop')
        .auto('format')
        .url()
      const ours = photoUrl(
        photo({crop, hotspot, asset: {url: 'https://x/y.jpg', width, height}}),
        96,
      )
      assert.equal(ours?.split('?')[1], theirs.split('?')[1], JSON.stringify(source))
    }
    // Hotspot centres that land on .5 of a pixel, where rounding the centre directly differs from
    // Sanity's rounding of it from the hotspot's edges.
    const hotspot = (x: number, y: number, w: number, h: number) =>
      ({_type: 'sanity.imageHotspot', x, y, width: w, height: h}) as const
    const crop = (left: number, right: number, top: number, bottom: number) =>
      ({_type: 'sanity.imageCrop', left, right, top, bottom}) as const
    compare(340, 455, crop(0.255, 0.031, 0.138, 0.078), hotspot(0.972, 0.5, 0.587, 0.729))
    compare(2722, 2625, crop(0.354, 0.009, 0.103, 0.028), hotspot(0.564, 0.572, 0.364, 0.76))
    // A seeded generator: the same 2,000 photos every run, with and without crop and hotspot.
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    const fraction = (max: number) => Math.round(random() * max * 1000) / 1000
    for (let i = 0; i < 2000; i++) {
      const width = 50 + Math.floor(random() * 3000)
      const height = 50 + Math.floor(random() * 3000)
      const crop =
        random() < 0.3
          ? null
          : {
              _type: 'sanity.imageCrop' as const,
              left: fraction(0.4),
              right: fraction(0.4),
              top: fraction(0.4),
              bottom: fraction(0.4),
            }
      const hotspot =
        random() < 0.3
          ? null
          : {
              _type: 'sanity.imageHotspot' as const,
              x: fraction(1),
              y: fraction(1),
              width: fraction(1),
              height: fraction(1),
            }
      compare(width, height, crop, hotspot)
    }
  })
})
