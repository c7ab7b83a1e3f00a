// The photo square: inside the editor's crop, centred on the hotspot where it fits.
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
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
      'https://cdn.sanity.io/images/p/d/abc-800x1200.jpg?rect=280%2C0%2C240%2C240&w=96&h=96&fit=crop&auto=format',
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
})
