// Block types an article's rich text holds besides text: callouts and images. FAQ answers hold
// neither, so only the article passes these to the renderer (and only its scripts carry them).
import {html, nothing, type TemplateResult} from 'lit'
import {isWebUrl} from '../content/config'
import type {BlockRenderers} from './render'

function renderCallout(node: {[key: string]: unknown}): TemplateResult {
  const tone = ['info', 'warning', 'emergency'].includes(String(node.tone))
    ? String(node.tone)
    : 'info'
  return html`<aside part="callout callout-${tone}" role="note">
    ${typeof node.title === 'string' ? html`<strong part="callout-title">${node.title}</strong>` : nothing}
    <span>${typeof node.text === 'string' ? node.text : ''}</span>
  </aside>`
}

/** Widths offered for images in the text, which is at most about 48rem wide. */
const IMAGE_WIDTHS = [400, 800, 1200]

/** An image with its alt text and caption; without a web URL for its asset, nothing. */
function renderImage(node: {[key: string]: unknown}): TemplateResult | typeof nothing {
  const asset = (node.asset ?? {}) as {url?: unknown; width?: unknown; height?: unknown}
  const {url} = asset
  if (!isWebUrl(url)) return nothing
  const sized = (width: number) => `${url}?w=${width}&fit=max&auto=format`
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  // width/height let the browser reserve the image's box before it loads: no layout shift.
  return html`<figure part="figure">
    <img
      part="image"
      src=${sized(800)}
      srcset=${IMAGE_WIDTHS.map((w) => `${sized(w)} ${w}w`).join(', ')}
      sizes="(min-width: 50rem) 48rem, 100vw"
      width=${Number(asset.width) || nothing}
      height=${Number(asset.height) || nothing}
      alt=${text(node.alt)}
      loading="lazy"
      decoding="async"
    />
    ${node.caption ? html`<figcaption part="caption">${text(node.caption)}</figcaption>` : nothing}
  </figure>`
}

/** Callouts and images, for `renderPortableText(value, {types: ARTICLE_BLOCKS})`. */
export const ARTICLE_BLOCKS: BlockRenderers = {callout: renderCallout, image: renderImage}
