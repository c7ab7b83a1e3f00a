// The Studio's check of a clinician's linked user: the id must name a user of the project. It
// asks the Studio's users endpoint (`/users/<id>`, as sanity's user store does), which only a
// signed-in Studio can, so it is added to the schema here rather than in schemas/.
import type {CustomValidatorResult, Rule, SchemaTypeDefinition} from 'sanity'
import {SCHEMA_API_VERSION} from '../../../model/constants'

export const noUserMessage = (id: string) =>
  `No Studio user with id “${id}”: pick one of the project’s users.`

type Validation = (rule: Rule) => Rule | Rule[]
type FieldLike = {name: string; validation?: unknown}
type DocumentLike = SchemaTypeDefinition & {fields?: FieldLike[]}

const asList = (rules: Rule | Rule[] | undefined): Rule[] =>
  rules === undefined ? [] : Array.isArray(rules) ? rules : [rules]

/** The id names a Studio user (true), or the message saying it does not. */
export async function linkedUserExists(
  id: string | undefined,
  request: (url: string) => Promise<unknown>,
): Promise<CustomValidatorResult> {
  const userId = id?.trim()
  if (!userId) return true
  const user = await request(`/users/${encodeURIComponent(userId)}`).catch(
    (error: {statusCode?: number}) => {
      // Only a clear "not found" counts against the id; an outage must not block editing.
      if (error?.statusCode === 404) return null
      return {id: userId}
    },
  )
  return user && typeof user === 'object' && 'id' in user ? true : noUserMessage(userId)
}

/** The schema types with the linked-user check added to `clinician.linkedUser`. */
export function withLinkedUserCheck<T extends SchemaTypeDefinition>(types: T[]): T[] {
  return types.map((type) => {
    const doc = type as DocumentLike
    if (doc.name !== 'clinician' || !Array.isArray(doc.fields)) return type
    const fields = doc.fields.map((field) => {
      if (field.name !== 'linkedUser') return field
      const own = field.validation as Validation | undefined
      const validation: Validation = (rule) => [
        ...asList(own?.(rule)),
        rule
          .custom((value: unknown, context) =>
            linkedUserExists(typeof value === 'string' ? value : undefined, (url) =>
              context.getClient({apiVersion: SCHEMA_API_VERSION}).request({url}),
            ),
          )
          .error(),
      ]
      return {...field, validation}
    })
    return {...type, fields} as T
  })
}
