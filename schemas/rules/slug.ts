// Slugs are unique within a document type, across drafts and published versions.
import type {SlugIsUniqueValidator} from 'sanity'
import {SCHEMA_API_VERSION} from '../constants'

export const isUniqueSlugForType: SlugIsUniqueValidator = async (slug, context) => {
  const {document, getClient} = context
  if (!document) return true
  const publishedId = document._id.replace(/^drafts\./, '')
  const client = getClient({apiVersion: SCHEMA_API_VERSION})
  const count = await client.fetch<number>(
    'count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published])])',
    {type: document._type, slug, draft: `drafts.${publishedId}`, published: publishedId},
  )
  return count === 0
}
