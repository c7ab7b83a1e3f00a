// Slugs are unique within a document type. A document's own draft, published document and release
// versions share its slug, so they do not count.
import type {SlugIsUniqueValidator} from 'sanity'
import {SCHEMA_API_VERSION} from '../../model/constants'
import type {QueryClient} from '../../model/sanity/client'
import {draftId, publishedIdOf, versionId} from '../../model/sanity/ids'

interface SlugContext {
  document?: {_id: string; _type: string}
  getClient: (options: {apiVersion: string}) => QueryClient
}

/** Used as the slug type's `isUnique` option: Sanity's own slug rule reports a taken slug. */
export const isUniqueSlugForType: SlugIsUniqueValidator = (slug, context) =>
  slugIsFree(slug, context)

async function slugIsFree(slug: string, context: SlugContext): Promise<boolean> {
  const {document, getClient} = context
  if (!document) return true
  const publishedId = publishedIdOf(document._id)
  const client = getClient({apiVersion: SCHEMA_API_VERSION})
  const count = await client.fetch<number>(
    'count(*[_type == $type && slug.current == $slug && !(_id in [$draft, $published]) && !(_id in path($versions))])',
    {
      type: document._type,
      slug,
      draft: draftId(publishedId),
      published: publishedId,
      versions: versionId('*', publishedId),
    },
  )
  return count === 0
}
