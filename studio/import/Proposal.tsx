// The drafts an import would write, before anything is written: each article (title, summary,
// body, suggested conditions and treatments), its FAQs with their answers, and the warnings.
import {Badge, Card, Flex, Heading, Stack, Text} from '@sanity/ui'
import {
  detectKind,
  type ImportPlan,
  type ImportSource,
  type PlannedDocument,
  type TopicSuggestion,
} from '../../importer'
import {Blocks, TITLE_SIZE} from './Blocks'
import {groupWarnings, PASTED_SOURCE_NAME} from './sources'

const FORMAT_NAMES = {
  html: 'an HTML page',
  markdown: 'Markdown',
  text: 'plain text',
  wxr: 'a WordPress export',
} as const

function Suggestions({suggestions}: {suggestions: TopicSuggestion[]}) {
  if (suggestions.length === 0) return null
  return (
    <Flex gap={2} wrap="wrap" align="center">
      <Text size={1} muted>
        Suggested:
      </Text>
      {suggestions.map((s) => (
        <Badge
          key={s.topicId}
          tone={s.topicType === 'condition' ? 'primary' : 'suggest'}
          title={`“${s.matched}” in the text`}
        >
          {s.name} ({s.topicType})
        </Badge>
      ))}
    </Flex>
  )
}

function Article({doc, suggestions}: {doc: PlannedDocument; suggestions: TopicSuggestion[]}) {
  const hero = doc.heroImage as {alt?: string} | undefined
  return (
    <Card padding={4} radius={2} border data-testid="import-article">
      <Stack gap={4}>
        <Text size={1} muted>
          Article
        </Text>
        {/* The title is drawn larger than any heading of the body (Blocks' HEADING_SIZE). */}
        <Heading as="h2" size={TITLE_SIZE}>
          {String(doc.title)}
        </Heading>
        <Text size={1} muted>
          {String(doc.summary ?? '')}
        </Text>
        {hero && (
          <Text size={1} muted data-testid="import-main-image">
            [Main image{hero.alt ? `: ${hero.alt}` : ' without alternative text'}]
          </Text>
        )}
        <Suggestions suggestions={suggestions} />
        <Blocks blocks={(doc.body as unknown[]) ?? []} />
      </Stack>
    </Card>
  )
}

function Faq({doc, suggestions}: {doc: PlannedDocument; suggestions: TopicSuggestion[]}) {
  return (
    <Card padding={3} radius={2} border data-testid="import-faq">
      <Stack gap={3}>
        <Text size={1} weight="semibold">
          {String(doc.question)}
        </Text>
        <Blocks blocks={(doc.answer as unknown[]) ?? []} />
        <Suggestions suggestions={suggestions} />
      </Stack>
    </Card>
  )
}

export function Proposal({plan, source}: {plan: ImportPlan; source: ImportSource}) {
  const of = (doc: PlannedDocument) => plan.suggestions.filter((s) => s.documentId === doc._id)
  const groups = groupWarnings(plan.warnings)
  const empty = plan.articles.length + plan.faqs.length === 0
  return (
    <Stack gap={4} data-testid="import-proposal">
      <Text size={1} muted data-testid="import-read-as">
        Read {source.name === PASTED_SOURCE_NAME ? 'the pasted text' : `“${source.name}”`} as{' '}
        {FORMAT_NAMES[detectKind(source)]}.
      </Text>
      <Text size={1} weight="semibold">
        {empty
          ? 'This text gives no article to import.'
          : `${plan.articles.length} article${plan.articles.length === 1 ? '' : 's'} and ${plan.faqs.length} FAQ${plan.faqs.length === 1 ? '' : 's'} proposed`}
      </Text>
      {groups.length > 0 && (
        <Card padding={3} radius={2} tone="caution" data-testid="import-warnings">
          <Stack gap={3}>
            <Text size={1} weight="semibold">
              Warnings ({plan.warnings.length})
            </Text>
            {groups.map((group) => (
              <Stack key={group.kind} gap={2} data-warning-kind={group.kind}>
                <Text size={1} weight="medium">
                  {group.label} ({group.warnings.length})
                </Text>
                {group.warnings.map((w, index) => (
                  <Text key={index} size={1} muted>
                    {w.message}
                  </Text>
                ))}
              </Stack>
            ))}
          </Stack>
        </Card>
      )}
      {plan.articles.map((doc) => (
        <Article key={doc._id} doc={doc} suggestions={of(doc)} />
      ))}
      {plan.faqs.length > 0 && (
        <Stack gap={3}>
          <Heading as="h2" size={1}>
            FAQs from the question headings
          </Heading>
          {plan.faqs.map((doc) => (
            <Faq key={doc._id} doc={doc} suggestions={of(doc)} />
          ))}
        </Stack>
      )}
    </Stack>
  )
}
