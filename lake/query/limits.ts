// The limits a query runs under, and the errors that name them. docs/lake-queries.md lists them.
import {LakeError} from '../http/errors'

export interface QueryLimits {
  /** Evaluation time of one query or listen filter; past it the worker is replaced. */
  timeoutMs: number
  /** The JSON of a result. */
  maxResultBytes: number
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  timeoutMs: 10_000,
  maxResultBytes: 32 * 1024 * 1024,
}

/** How the query workers are shared between clients (lake/query/pool.ts). */
export interface Fairness {
  /**
   * A job running longer makes its client heavy while it runs, and for `heavyMemoryMs` after it
   * when it also used at least half that in CPU.
   */
  longMs: number
  /** A client stays heavy this long after its last long job. */
  heavyMemoryMs: number
  /** Queries one client may have waiting; more answer 429. */
  maxQueuedPerClient: number
}

export const DEFAULT_FAIRNESS: Fairness = {
  longMs: 100,
  heavyMemoryMs: 60_000,
  maxQueuedPerClient: 64,
}

/**
 * Hosted Sanity answers a rate limit with 429, a `retry-after` header and the body
 * `{"message": "API rate limit exceeded"}`; @sanity/client retries it with backoff. The lake's
 * body has that `message` and its usual `error` object.
 */
export class RateLimitError extends LakeError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    details: Record<string, unknown> = {},
  ) {
    super(429, 'rateLimitError', message, {retryAfter: retryAfterSeconds, ...details})
  }

  override toBody(): Record<string, unknown> {
    return {message: 'API rate limit exceeded', statusCode: 429, ...super.toBody()}
  }
}

export const tooManyQueries = (limit: number, retryAfterSeconds: number) =>
  new RateLimitError(
    `API rate limit exceeded: ${limit} queries of this client are already waiting; try again in ${retryAfterSeconds} s`,
    retryAfterSeconds,
    {limit},
  )

/**
 * Sanity's query API: "we've put the max limit on GET queries at 11 KB" (docs/http-query);
 * @sanity/client switches to POST when its query string reaches 11264 characters.
 */
export const MAX_GET_SEARCH_BYTES = 11 * 1024
/** Sanity answers "300kb Query Size Exceeded" past this (guide: parallelizing GROQ queries). */
export const MAX_QUERY_BYTES = 300 * 1024
/** The JSON of all parameters of a POSTed query (a GET's are inside its 11 KB URL). */
export const MAX_PARAMS_BYTES = 1024 * 1024

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

export const urlTooLong = () =>
  new LakeError(
    414,
    'queryTooLargeError',
    `The query string is larger than ${kb(MAX_GET_SEARCH_BYTES)}: send the query with POST`,
    {limit: MAX_GET_SEARCH_BYTES},
  )

export const queryTooLarge = () =>
  new LakeError(
    413,
    'queryTooLargeError',
    `Query size exceeded: the limit is ${kb(MAX_QUERY_BYTES)}`,
    {
      limit: MAX_QUERY_BYTES,
    },
  )

export const paramsTooLarge = () =>
  new LakeError(
    413,
    'paramsTooLargeError',
    `Query parameters exceed ${mb(MAX_PARAMS_BYTES)} of JSON`,
    {limit: MAX_PARAMS_BYTES},
  )

export const resultTooLarge = (limit: number) =>
  new LakeError(
    422,
    'resultTooLargeError',
    `The query result is larger than ${mb(limit)}: select fewer fields or page with slices`,
    {limit},
  )

/**
 * Hosted Sanity documents no status for a query that runs too long. 504 says the server gave up
 * waiting on its query engine, and @sanity/client does not retry it (it retries 429/502/503),
 * so a query that would only time out again is not sent again.
 */
export const queryTimedOut = (timeoutMs: number) =>
  new LakeError(
    504,
    'queryTimeoutError',
    `The query ran longer than the lake's limit of ${timeoutMs / 1000} s and was stopped`,
    {limit: timeoutMs},
  )
