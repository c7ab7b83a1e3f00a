// Live updates: the query's listen endpoint as Server-Sent Events (published content needs no
// token), or the adapter client's listen(). Calls back once per committed change the query's
// filter matches.
import {dataUrl, type WidgetConfig} from './config'

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
  const source = new EventSource(dataUrl(config, 'listen', query, params, {includeResult: 'false'}))
  source.addEventListener('mutation', () => onChange())
  return () => source.close()
}
