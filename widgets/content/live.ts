// Live updates: the query's listen endpoint as Server-Sent Events (published content needs no
// token), or the adapter client's listen(). Calls back once per committed change the query's
// filter matches.
import {apiBase, type WidgetConfig} from './config'

export function listen(
  config: WidgetConfig,
  query: string,
  params: Record<string, unknown>,
  onChange: () => void,
): () => void {
  if (config.client) {
    const subscription = config.client
      .listen(query, params, {includeResult: false, events: ['mutation']})
      .subscribe((event) => {
        if (event.type === 'mutation') onChange()
      })
    return () => subscription.unsubscribe()
  }
  const search = new URLSearchParams({query, includeResult: 'false'})
  for (const [name, value] of Object.entries(params)) search.set(`$${name}`, JSON.stringify(value))
  const source = new EventSource(
    `${apiBase(config)}/data/listen/${encodeURIComponent(config.dataset)}?${search}`,
  )
  source.addEventListener('mutation', () => onChange())
  return () => source.close()
}
