// The "Embed code" view of a partner: the snippet an editor sends the partner, with what it needs
// to work (a slug, the partner published, its sites listed).
import {Button, Card, Flex, Heading, Stack, Text} from '@sanity/ui'
import {Code} from '@sanity/ui/code'
import {useEffect, useState} from 'react'
import {useDataset} from 'sanity'
import type {UserViewComponent} from 'sanity/structure'
import {textList} from '@clinic-kit/widgets/queries'
import {partnerEmbedSnippet, WIDGETS_URL_PLACEHOLDER} from './snippet'
import {lakeOriginUrl, publishedWidgetsUrl} from '../env'

type CopyState = 'idle' | 'copied' | 'failed'

const COPY_TIMEOUT_MS = 4000

const COPY_LABELS: Record<CopyState, string> = {
  idle: 'Copy code',
  copied: 'Copied',
  failed: 'Copying was blocked: select the code and copy it',
}

/**
 * On a local lake, its plain-HTTP origin, asked of the lake that served the Studio (the Studio's
 * own HTTPS address works only in browsers that trust the lake's certificate authority):
 * `undefined` while asking, `null` when it has none or did not answer; `''` for hosted Sanity.
 */
function useLakeHttpOrigin(): string | null | undefined {
  const [origin, setOrigin] = useState<string | null | undefined>(lakeOriginUrl ? undefined : '')
  useEffect(() => {
    if (!lakeOriginUrl) return
    let current = true
    fetch(lakeOriginUrl)
      .then((response): Promise<{http?: unknown}> =>
        response.ok ? response.json() : Promise.resolve({}),
      )
      .then(
        (answer) => current && setOrigin(typeof answer.http === 'string' ? answer.http : null),
        () => current && setOrigin(null),
      )
    return () => {
      current = false
    }
  }, [])
  return origin
}

export const PartnerEmbedView: UserViewComponent = ({document}) => {
  const partner = document.displayed as {
    name?: string
    slug?: {current?: string}
    language?: string
    allowedOrigins?: unknown
  }
  const [copy, setCopy] = useState<CopyState>('idle')
  const dataset = useDataset()
  const lakeUrl = useLakeHttpOrigin()
  const snippet = partnerEmbedSnippet({
    slug: partner.slug?.current,
    language: partner.language,
    widgetsUrl: publishedWidgetsUrl,
    lakeUrl: lakeUrl || undefined,
    dataset,
  })
  const origins = textList(partner.allowedOrigins)
  const name = partner.name || 'the partner'

  if (!snippet)
    return (
      <Card padding={4} tone="caution">
        <Text>Give {name} a slug first: the embed code names the partner by its slug.</Text>
      </Card>
    )

  if (lakeUrl === undefined)
    return (
      <Card padding={4}>
        <Text muted>Asking the lake for its address…</Text>
      </Card>
    )

  // A browser may leave the clipboard's promise unsettled (e.g. the tab lost focus mid-click):
  // after a few seconds without an answer, say so rather than leave the button unchanged.
  const copySnippet = () =>
    Promise.race([
      navigator.clipboard.writeText(snippet),
      new Promise((_, reject) => setTimeout(reject, COPY_TIMEOUT_MS)),
    ]).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    )

  return (
    <Card padding={4}>
      <Stack gap={4}>
        <Heading size={1}>Embed on {name}’s site</Heading>
        <Text muted>
          Send this to {name}. It shows the FAQs shared with them, in their theme, with your credit
          line.
        </Text>
        <Card padding={3} radius={2} border tone="transparent">
          <Code size={1}>{snippet}</Code>
        </Card>
        <Flex>
          <Button text={COPY_LABELS[copy]} mode="ghost" onClick={copySnippet} />
        </Flex>
        {!document.published && (
          <Card padding={3} radius={2} tone="caution">
            <Text size={1}>
              Publish {name} first: until then the widget on their site has no theme, credit line or
              scope for them, and their sites may not read your content.
            </Text>
          </Card>
        )}
        {origins.length ? (
          <Text size={1} muted>
            Works on: {origins.join(', ')}
          </Text>
        ) : (
          <Card padding={3} radius={2} tone="caution">
            <Text size={1}>Add {name}’s sites under “Sites allowed to embed”.</Text>
          </Card>
        )}
        {lakeUrl && (
          <Text size={1} muted>
            This code reads the local lake at {lakeUrl} (plain HTTP, so it works in any browser on
            this machine). Set SANITY_STUDIO_WIDGETS_URL when you build the Studio for production.
          </Text>
        )}
        {lakeUrl === null && (
          <Card padding={3} radius={2} tone="caution">
            <Text size={1}>
              The lake did not say its plain-HTTP address: the code falls back to a placeholder.
            </Text>
          </Card>
        )}
        {!publishedWidgetsUrl && !lakeUrl && (
          <Text size={1} muted>
            {WIDGETS_URL_PLACEHOLDER} stands for where you publish the widget scripts: set
            SANITY_STUDIO_WIDGETS_URL when you build the Studio to show the real address.
          </Text>
        )}
      </Stack>
    </Card>
  )
}
