// Slugs are unique within a document type, across drafts and published versions.
import type {SlugIsUniqueValidator} from 'sanity'
import {SCHEMA_API_VERSION} from '../../model/constants'

interface SlugContext {
  document?: {_id: string; _type: string}
  getClient: (options: {apiVersion: string}) => {
    fetch: <R>(query: string, params: Record<string, unknown>) => Promise<R>
  }
}

/** Used as the slug type's `isUnique` option: Sanity's own slug rule reports a taken slug. */
export const isUniqueSlugForType: SlugIsUniqueValidator = (slug, context) =>
  slugIsFree(slug, context)

async function slugIsFree(slug: string, context: SlugContext): Promise<boolean> {
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
