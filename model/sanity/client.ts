// The one thing the model asks of a Sanity client: run a GROQ query. `@sanity/client`'s client and
// the Studio's `getClient()` both fit, and the model needs neither package to say so.

export interface QueryClient {
  fetch<R>(query: string, params: Record<string, unknown>): Promise<R>
}
