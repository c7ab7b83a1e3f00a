// Which Studio users may ask for a review: the roles that edit and publish content.
import type {CurrentUser} from 'sanity'

const REQUESTING_ROLES = new Set(['administrator', 'editor'])

export const canRequestReview = (user: CurrentUser | null | undefined) =>
  Boolean(user?.roles.some(({name}) => REQUESTING_ROLES.has(name)))

export const isAdministrator = (user: CurrentUser | null | undefined) =>
  Boolean(user?.roles.some(({name}) => name === 'administrator'))
