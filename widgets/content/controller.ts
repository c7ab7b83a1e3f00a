// Loads one query for an element: the loading/ready/error states, abort on disconnect, retry,
// live refresh and the ck-load / ck-error events. Every widget drives its content through one.
// Content the page gives the element (its `data`) takes the place of the query's answer.
import {html, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit'
import {clearQueryCache, fetchQuery} from './client'
import {resolveConfig, type WidgetConfig} from './config'
import {listen} from './live'

export type LoadState = 'loading' | 'ready' | 'error'

export interface QuerySpec<T> {
  query: string
  /** What the live stream watches: changes to these documents may change the answer. */
  listenQuery: string
  params(config: WidgetConfig): Record<string, unknown>
  /** The ck-load event's detail for a result. */
  detail(result: T): object
  /** When false there is nothing to ask for (e.g. no slug yet): the element shows no content. */
  enabled?(): boolean
  /** What makes an answer unusable (e.g. an unknown partner), shown as the error state. */
  problem?(result: T): string | undefined
}

/** Events bubble out of the shadow root, for partners' analytics. */
export const EVENT_INIT = {bubbles: true, composed: true}

/** An element whose content is loaded, unless the page gives it as `data`. */
type ContentHost<T> = ReactiveControllerHost & HTMLElement & {data?: T}

export class QueryController<T> implements ReactiveController {
  state: LoadState = 'loading'
  result: T | undefined
  errorMessage = ''
  live = false
  #abort?: AbortController
  #stopListening?: () => void

  readonly #host: ContentHost<T>
  readonly #spec: QuerySpec<T>

  constructor(host: ContentHost<T>, spec: QuerySpec<T>) {
    this.#host = host
    this.#spec = spec
    host.addController(this)
  }

  hostConnected(): void {
    // Moved in the page: an aborted first load starts again, a live stream resumes.
    if (this.state === 'loading' && this.#abort?.signal.aborted) void this.load()
    if (this.live && !this.#stopListening) this.setLive(true)
  }

  hostDisconnected(): void {
    this.#abort?.abort()
    this.#stopListening?.()
    this.#stopListening = undefined
  }

  /**
   * Fetches the content again; `fresh` bypasses the page cache (Retry, live updates). A `refresh`
   * of what is shown (a live update) that fails keeps it on screen: the next change tries again.
   * Given `data`, that is the answer: any load in flight is aborted and nothing is fetched.
   */
  async load(fresh = false, refresh = false): Promise<void> {
    this.#abort?.abort()
    const {data} = this.#host
    if (data !== undefined) return this.#settle(data)
    if (this.#spec.enabled?.() === false) {
      this.result = undefined
      this.state = 'ready'
      this.#host.requestUpdate()
      return
    }
    const abort = new AbortController()
    this.#abort = abort
    if (this.state !== 'ready') this.state = 'loading'
    this.#host.requestUpdate()
    const config = resolveConfig(this.#host)
    try {
      const result = await fetchQuery<T>(config, this.#spec.query, this.#spec.params(config), {
        fresh,
        signal: abort.signal,
        onRevalidate: (newer) => {
          if (!abort.signal.aborted) this.#settle(newer as T)
        },
      })
      if (!abort.signal.aborted) this.#settle(result)
    } catch (error) {
      if (abort.signal.aborted) return
      // Readers see the error state; the page's developer sees why.
      console.error(`clinic-kit: <${this.#host.localName}> could not load its content.`, error)
      if (!refresh || this.state !== 'ready') this.fail(error)
    }
  }

  /** Shows the error state and reports it with `ck-error`. */
  fail(error: unknown): void {
    this.state = 'error'
    this.errorMessage = error instanceof Error ? error.message : String(error)
    this.#host.requestUpdate()
    this.#host.dispatchEvent(
      new CustomEvent('ck-error', {detail: {message: this.errorMessage}, ...EVENT_INIT}),
    )
  }

  #settle(result: T) {
    const problem = this.#spec.problem?.(result)
    if (problem) return this.fail(new Error(problem))
    this.result = result
    this.state = 'ready'
    this.#host.requestUpdate()
    this.#host.dispatchEvent(
      new CustomEvent('ck-load', {detail: this.#spec.detail(result), ...EVENT_INIT}),
    )
  }

  /** Subscribes to (or leaves) the query's listen stream; given `data` there is none to follow. */
  setLive(live: boolean): void {
    this.live = live
    this.#stopListening?.()
    this.#stopListening = undefined
    if (!live || !this.#host.isConnected || this.#host.data !== undefined) return
    this.#stopListening = listen(resolveConfig(this.#host), this.#spec.listenQuery, {}, () => {
      clearQueryCache()
      void this.load(true, true)
    })
  }
}

/**
 * The loading skeleton or the error message with its retry button; `undefined` once ready.
 * `errorText` names what failed, in the page's language.
 */
export function renderLoadState(
  controller: QueryController<unknown>,
  loadingLabel: string,
  errorText: string,
  retryLabel: string,
): TemplateResult | undefined {
  if (controller.state === 'loading')
    return html`<div part="skeleton" role="status" aria-label=${loadingLabel}></div>`
  if (controller.state === 'error')
    return html`<div part="status" role="alert">
      <p>${errorText}</p>
      <button part="retry" type="button" @click=${() => controller.load(true)}>
        ${retryLabel}
      </button>
    </div>`
  return undefined
}
