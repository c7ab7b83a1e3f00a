// Who may create drafts from the Import tool: the lake's (and Sanity's) roles that write drafts
// (docs/lake-users-and-roles.md; https://www.sanity.io/docs/content-lake/roles). A viewer reads
// only, so the tool shows the proposal but not an enabled Create button.
import type {CurrentUser} from 'sanity'

const DRAFT_WRITING_ROLES = new Set([
  'administrator',
  'editor',
  'developer',
  'contributor',
  'medicalReviewer',
])

export const canCreateDrafts = (user: CurrentUser | null | undefined) =>
  Boolean(user?.roles.some(({name}) => DRAFT_WRITING_ROLES.has(name)))

export const CANNOT_CREATE_MESSAGE =
  'Your role can read content but not write it: ask an editor or administrator to create these drafts.'
