// @clinic-kit/widgets/ssr (Node): every element rendered on the server from its `data`, or from
// a content source with the query the element itself sends, to HTML a crawler, a reader without
// JavaScript and a slow phone all see at once; and a fetch-style handler serving those fragments.
// See docs/widgets-ssr.md. Lit SSR stays behind ./lit.ts.
import {createHash} from 'node:crypto'
import type {ClientConfig, SanityClient} from '@sanity/client'
import {CkArticle} from '../article/define'
import {CkClinicianList} from '../clinician-list/define'
import {CkClinician} from '../clinician/define'
import {resolveConfig} from '../content/config'
import type {ContentElement} from '../content/content-element'
import type {QuerySpec} from '../content/controller'
import type {FaqQueryResult} from '../content/queries'
import {CkFaq} from '../faq/define'
import {themeProperties} from '../styles/theme'
import {renderToString} from './lit'

/** The elements the server renders. */
export const SSR_ELEMENTS = {
  'ck-faq': CkFaq,
  'ck-article': CkArticle,
  'ck-clinician': CkClinician,
  'ck-clinician-list': CkClinicianList,
} as const
export type SsrElement = keyof typeof SSR_ELEMENTS

/** The marker of the `data` script in a rendered element's light DOM. */
export const DATA_ATTRIBUTE = 'data-ck-data'

/** An element's members the server reads, which pages do not use (so not public API). */
interface ServerView<T> {
  querySpec(): QuerySpec<T>
  jsonLdData(): object | null
  content: {state: string; result?: T; errorMessage: string}
}
const view = <T>(element: ContentElement<T>) => element as unknown as ServerView<T>

/** A bad request to the server API: `status` is what the handler answers. */
export class SsrError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 502 = 400,
  ) {
    super(message)
    this.name = 'SsrError'
  }
}

export function isSsrElement(tag: string): tag is SsrElement {
  return Object.hasOwn(SSR_ELEMENTS, tag)
}

/** The attributes `tag` takes (its observed attributes): nothing else goes into the markup. */
export function elementAttributes(tag: string): readonly string[] {
  if (!isSsrElement(tag))
    throw new SsrError(
      `unknown element <${tag}>; known: ${Object.keys(SSR_ELEMENTS).join(', ')}`,
      404,
    )
  return (SSR_ELEMENTS[tag] as unknown as {observedAttributes: string[]}).observedAttributes
}

function checkAttributes(tag: string, attributes: Record<string, string>) {
  const known = elementAttributes(tag)
  const unknown = Object.keys(attributes).filter((name) => !known.includes(name))
  if (unknown.length)
    throw new SsrError(
      `<${tag}> has no attribute ${unknown.map((n) => `“${n}”`).join(', ')}; it takes ${known.join(', ')}`,
    )
}

/** JSON inside a <script>: `<` escaped so no string in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

export interface RenderElementOptions<T = unknown> {
  /** The element's attributes, as a page would write them (`{topic: 'chronic-migraine'}`). */
  attributes?: Record<string, string>
  /** Content of the shape the element's query returns (see docs/widgets-content-in.md). */
  data: T
}

/**
 * `<tag>` as HTML: its shadow root as declarative shadow DOM (`<template shadowrootmode="open">`),
 * then in its light DOM its JSON-LD (as the element writes it) and `data` in
 * `<script type="application/json" data-ck-data>`. FAQs render with every answer open, so the text
 * reads without JavaScript. Throws SsrError for an unknown element or attribute, or content the
 * element would show as an error (an unknown partner).
 */
export async function renderElement<T>(
  tag: string,
  {attributes = {}, data}: RenderElementOptions<T>,
): Promise<string> {
  checkAttributes(tag, attributes)
  if (data === undefined) throw new SsrError(`<${tag}> needs its data to render on the server`)
  const open =
    tag === 'ck-faq' ? new Set(((data as FaqQueryResult).faqs ?? []).map((faq) => faq._id)) : null
  return renderToString(tag, attributes, open ? {data, open} : {data}, {
    hostStyle() {
      if (tag !== 'ck-faq') return {}
      // The partner's theme, which the element sets on itself once it has rendered.
      const theme = (data as FaqQueryResult).partner?.theme
      const values = themeProperties(theme, {})
      return Object.fromEntries(
        Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])),
      )
    },
    light(element) {
      const {content} = view(element)
      if (content.state === 'error') throw new SsrError(content.errorMessage, 404)
      const jsonLd = content.state === 'ready' ? view(element).jsonLdData() : null
      return [
        jsonLd && `<script type="application/ld+json">${scriptJson(jsonLd)}</script>`,
        `<script type="application/json" ${DATA_ATTRIBUTE}>${scriptJson(data)}</script>`,
      ].join('')
    },
  })
}

/** Where `renderFromSource` reads: a `@sanity/client` (for the lake, or a hosted project). */
export type ContentSource = SanityClient

/**
 * The query and parameters `<tag attributes>` sends, as the element builds them; `null` when it
 * would ask for nothing (`<ck-article>` without a slug).
 */
export function elementQuery(
  tag: string,
  attributes: Record<string, string> = {},
): {query: string; params: Record<string, unknown>} | null {
  checkAttributes(tag, attributes)
  const element = new SSR_ELEMENTS[tag as SsrElement]() as unknown as ContentElement<unknown>
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value)
    element.attributeChangedCallback(name, null, value)
  }
  const spec = view(element).querySpec()
  if (spec.enabled?.() === false) return null
  return {query: spec.query, params: spec.params(resolveConfig(element))}
}

/** Runs the element's own query against `source` (published content only), then renders it. */
export async function renderFromSource(
  tag: string,
  attributes: Record<string, string>,
  source: ContentSource,
): Promise<string> {
  const request = elementQuery(tag, attributes)
  if (!request) throw new SsrError(`<${tag}> with these attributes shows no content`)
  let data: unknown
  try {
    data = await source.fetch(request.query, request.params, {perspective: 'published'})
  } catch (error) {
    const status = (error as {statusCode?: number}).statusCode
    throw new SsrError(
      `the content source refused the query: ${(error as Error).message}`,
      status === 404 ? 404 : 502,
    )
  }
  if (data === null || (tag === 'ck-article' && !(data as {article?: unknown}).article))
    throw new SsrError(`<${tag}>: no published content for ${JSON.stringify(attributes)}`, 404)
  return renderElement(tag, {attributes, data})
}

export interface EmbedHandlerOptions {
  /** A client for the project; the handler sets the dataset from the URL and reads published content. */
  client?: SanityClient
  /** Or the configuration to create one with (needs `@sanity/client` installed). */
  clientConfig?: ClientConfig
  /** The elements served (default: all four). */
  elements?: readonly SsrElement[]
  /** `Cache-Control` of a fragment (default: public, 60 s, revalidate for a day). */
  cacheControl?: string
}

const DATASET = /^[a-z0-9][a-z0-9_-]{0,63}$/i

/**
 * A standard `(Request) => Promise<Response>` handler answering
 * `GET /embed/v1/<dataset>/<element>?<attributes>` with the element's HTML fragment, an `ETag`
 * (304 for `If-None-Match`) and `Cache-Control`; 404 for an unknown element or no content, 400
 * for an unknown attribute. Reads published content only, writes nothing.
 */
export function createEmbedHandler(
  options: EmbedHandlerOptions,
): (request: Request) => Promise<Response> {
  const elements: readonly string[] = options.elements ?? Object.keys(SSR_ELEMENTS)
  const cacheControl = options.cacheControl ?? 'public, max-age=60, stale-while-revalidate=86400'
  let base: Promise<SanityClient> | undefined
  const client = () =>
    (base ??= options.client
      ? Promise.resolve(options.client)
      : import('@sanity/client').then(({createClient}) =>
          createClient({useCdn: false, ...options.clientConfig}),
        ))
  const text = (status: number, message: string, headers: HeadersInit = {}) =>
    new Response(`${message}\n`, {
      status,
      headers: {'content-type': 'text/plain; charset=utf-8', ...headers},
    })

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return text(405, 'embed fragments are read with GET', {allow: 'GET, HEAD'})
    const url = new URL(request.url)
    const match = /^\/embed\/v1\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname)
    if (!match) return text(404, 'not an embed URL: use /embed/v1/<dataset>/<element>?<attributes>')
    const dataset = decodeURIComponent(match[1]!)
    const tag = decodeURIComponent(match[2]!)
    if (!DATASET.test(dataset)) return text(400, `“${dataset}” is not a dataset name`)
    if (!elements.includes(tag))
      return text(404, `unknown element <${tag}>; this server renders ${elements.join(', ')}`)
    const attributes: Record<string, string> = {}
    for (const [name, value] of url.searchParams) {
      if (Object.hasOwn(attributes, name)) return text(400, `attribute “${name}” given twice`)
      attributes[name] = value
    }
    let html: string
    try {
      const source = (await client()).withConfig({dataset, perspective: 'published'})
      html = await renderFromSource(tag, attributes, source)
    } catch (error) {
      if (error instanceof SsrError) return text(error.status, error.message)
      throw error
    }
    const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': cacheControl,
      etag,
      vary: 'accept-encoding',
    }
    const known = request.headers.get('if-none-match')
    if (known && known.split(/\s*,\s*/).some((tag) => tag === etag || tag === `W/${etag}`))
      return new Response(null, {status: 304, headers})
    return new Response(request.method === 'HEAD' ? null : html, {status: 200, headers})
  }
}
