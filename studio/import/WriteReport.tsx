// What "Create drafts" did: each draft created, updated or unchanged, with a link opening it in
// the desk, and a published document's version left as it was.
import {Badge, Flex, Stack, Text} from '@sanity/ui'
import {IntentLink} from 'sanity/router'
import type {WriteResult} from '../../importer'
import {publishedIdOf} from '../../model/sanity/ids'

const TONE = {created: 'positive', updated: 'caution', unchanged: 'default'} as const

export function WriteReport({result}: {result: WriteResult}) {
  const counts = {created: 0, updated: 0, unchanged: 0}
  for (const change of result.changes) counts[change.change]++
  return (
    <Stack gap={3} data-testid="import-result" role="status">
      <Text size={1} weight="semibold">
        {counts.created} created, {counts.updated} updated, {counts.unchanged} unchanged
      </Text>
      {result.changes.map((change) => (
        <Flex key={change.id} gap={2} align="center">
          <Badge tone={TONE[change.change]}>{change.change}</Badge>
          <Text size={1}>
            {change.type === 'faq' ? 'FAQ' : 'Article'}:{' '}
            <IntentLink intent="edit" params={{id: publishedIdOf(change.id), type: change.type}}>
              {change.title}
            </IntentLink>
            {change.published ? ' (the published version is left as it is)' : ''}
          </Text>
        </Flex>
      ))}
    </Stack>
  )
}
