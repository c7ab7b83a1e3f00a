// The "Preview" view: the document as readers will see it, drawn by the same drop-in script the
// partners load, inside an iframe. Its data is the element's own query over the local dataset
// with the displayed document (the draft, if any) laid over it, posted in as the editor types.
import {Button, Card, Flex, Select, Stack, Text} from '@sanity/ui'
import {useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState} from 'react'
import type {UserViewComponent} from 'sanity/structure'
import {widgetsUrl} from '../env'
import {
  connectFrame,
  frameHtml,
  frameNonce,
  scriptUrl,
  type ColorScheme,
  type FrameConnection,
} from './frame'
import {
  buildPreviewData,
  partnerLanguage,
  previewSpec,
  type PreviewDocument,
  type PreviewSpec,
} from './previewData'
import {publishedIdOf} from '../../model/sanity/ids'
import {previewEmptyMessage} from './previewStates'
import {DISPLAYED_MARK, MAX_MARKS, TYPING_DEBOUNCE_MS} from './timing'
import {useDebounced, useLocalDataset} from './useLocalDataset'

const WIDTHS = {phone: 375, desktop: 1024} as const
type Width = keyof typeof WIDTHS
type Scheme = ColorScheme

type FrameState = 'loading' | 'ready' | 'script-error'

interface PartnerOption {
  slug: string
  name: string
}

function partnerOptions(documents: PreviewDocument[] | undefined): PartnerOption[] {
  return (documents ?? [])
    .filter((doc) => doc._type === 'partner')
    .map((doc) => ({
      slug: String((doc.slug as {current?: string} | undefined)?.current ?? ''),
      name: String(doc.name ?? 'Untitled partner'),
    }))
    .filter((option) => option.slug)
    .sort((a, b) => a.name.localeCompare(b.name))
}

export const PreviewView: UserViewComponent = ({document}) => {
  useEffect(() => {
    if (performance.getEntriesByName(DISPLAYED_MARK).length >= MAX_MARKS)
      performance.clearMarks(DISPLAYED_MARK)
    performance.mark(DISPLAYED_MARK)
  }, [document.displayed])
  const displayed = useDebounced(document.displayed as PreviewDocument, TYPING_DEBOUNCE_MS)
  const [width, setWidth] = useState<Width>('desktop')
  const [scheme, setScheme] = useState<Scheme>('light')
  const [partner, setPartner] = useState('')
  const pickable = displayed._type === 'faq'
  const types = previewSpec(displayed)?.types ?? []
  const {documents, error: fetchError} = useLocalDataset(types)
  const pagePartner = pickable ? partner : ''
  const pageLang = partnerLanguage(documents ?? [], pagePartner)
  const spec = useMemo(
    () => previewSpec(displayed, pagePartner, pageLang),
    [displayed, pagePartner, pageLang],
  )

  const [built, setBuilt] = useState<{spec: PreviewSpec; data: unknown} | null>(null)
  const [buildError, setBuildError] = useState<Error | undefined>()
  useEffect(() => {
    if (!documents) return
    let current = true
    buildPreviewData(documents, displayed, pagePartner, pageLang).then(
      (result) => current && (setBuilt(result), setBuildError(undefined)),
      (error: Error) => current && setBuildError(error),
    )
    return () => {
      current = false
    }
  }, [documents, displayed, pagePartner, pageLang])

  const element = spec?.element
  const lang = String(spec?.params.lang ?? displayed.language ?? '')
  // The FAQ being edited is shown opened, its answer visible.
  const opened = displayed._type === 'faq' ? publishedIdOf(displayed._id) : ''
  // A new page only when the element or how it is shown changes; data goes in by message.
  const {srcDoc, nonce} = useMemo(() => {
    const nonce = frameNonce()
    const parentOrigin = window.location.origin
    const open = opened ? [opened] : []
    return {
      nonce,
      srcDoc:
        element && widgetsUrl
          ? frameHtml({element, widgetsUrl, attributes: {lang}, open, nonce, parentOrigin})
          : undefined,
    }
  }, [element, lang, opened])
  const frame = useRef<HTMLIFrameElement>(null)
  const [frameState, setFrameState] = useState<FrameState>('loading')
  const connection = useRef<FrameConnection | null>(null)
  // Before the new frame's document can run: it connects with this nonce, over its own channel.
  useLayoutEffect(() => {
    setFrameState('loading')
    const connected = connectFrame(
      () => frame.current,
      nonce,
      (message) => {
        if (message.type === 'ready') setFrameState('ready')
        if (message.type === 'script-error') setFrameState('script-error')
      },
    )
    connection.current = connected
    return () => connected.close()
  }, [nonce])
  const post = useCallback(
    (message: {type: 'data'; data: unknown} | {type: 'scheme'; scheme: Scheme}) =>
      connection.current?.post(message),
    [],
  )
  useEffect(() => {
    if (frameState === 'ready') post({type: 'scheme', scheme})
  }, [frameState, scheme, post])
  useEffect(() => {
    if (frameState === 'ready' && built) post({type: 'data', data: built.data})
  }, [frameState, built, post])

  if (!spec || !element) return null
  if (!widgetsUrl || frameState === 'script-error')
    return (
      <Card padding={4} tone="critical" data-testid="preview-error">
        <Stack gap={3}>
          <Text weight="semibold">The preview could not load the widget script.</Text>
          <Text size={1}>
            {widgetsUrl
              ? `It looked for ${scriptUrl(widgetsUrl, element)}.`
              : 'The Studio does not know where the widget scripts are published.'}
          </Text>
          <Text size={1} muted>
            Set SANITY_STUDIO_WIDGETS_URL to the address where you publish the widget scripts (the
            folder holding {element}.iife.js) and build the Studio again. On the local lake, run npm
            run build so the lake serves them at /dist.
          </Text>
        </Stack>
      </Card>
    )

  const problem = fetchError ?? buildError
  const empty = built ? previewEmptyMessage(displayed, built.data, partner) : null
  const partners = partnerOptions(documents)
  const loading = !built || frameState !== 'ready'

  return (
    <Stack gap={3} padding={3} data-testid="preview-view">
      <Flex gap={2} wrap="wrap" align="center">
        {(Object.keys(WIDTHS) as Width[]).map((name) => (
          <Button
            key={name}
            mode={width === name ? 'default' : 'ghost'}
            text={name === 'phone' ? 'Phone' : 'Desktop'}
            onClick={() => setWidth(name)}
            data-testid={`preview-width-${name}`}
          />
        ))}
        {(['light', 'dark'] as Scheme[]).map((name) => (
          <Button
            key={name}
            mode={scheme === name ? 'default' : 'ghost'}
            text={name === 'light' ? 'Light' : 'Dark'}
            onClick={() => setScheme(name)}
            data-testid={`preview-scheme-${name}`}
          />
        ))}
        {pickable && (
          <Select
            aria-label="Show as on a partner's page"
            value={partner}
            onChange={(event) => setPartner(event.currentTarget.value)}
            data-testid="preview-partner"
          >
            <option value="">Our own site</option>
            {partners.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}’s site
              </option>
            ))}
          </Select>
        )}
      </Flex>
      {problem && (
        <Card padding={3} radius={2} tone="caution">
          <Text size={1}>The preview could not read the content: {problem.message}</Text>
        </Card>
      )}
      {loading && (
        <Text size={1} muted data-testid="preview-loading">
          Loading the preview…
        </Text>
      )}
      {empty && (
        <Card padding={3} radius={2} tone="caution" data-testid="preview-empty">
          <Text size={1}>{empty}</Text>
        </Card>
      )}
      <Card
        radius={2}
        border
        style={{width: 'fit-content', maxWidth: '100%', overflow: 'hidden'}}
        hidden={Boolean(empty)}
      >
        <iframe
          ref={frame}
          key={srcDoc}
          title={`Preview of ${publishedIdOf(displayed._id)}`}
          srcDoc={srcDoc}
          // Its own origin: the widget script cannot reach the Studio, nor its CSS the Studio's.
          sandbox="allow-scripts allow-popups"
          data-testid="preview-frame"
          style={{
            display: 'block',
            // The page's width: a phone's or a desktop's, as far as the pane allows.
            width: WIDTHS[width],
            maxWidth: '100%',
            height: 640,
            border: 0,
            // Where the browser passes it on, the frame's prefers-color-scheme; the frame also
            // answers the widgets' colour-scheme rules itself (frame.ts).
            colorScheme: scheme,
          }}
        />
      </Card>
    </Stack>
  )
}
