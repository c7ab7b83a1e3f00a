// Clinicians as the review needs them: who may be asked for a review, and who a user is.

export interface ReviewerOption {
  _id: string
  name: string
  linkedUser: string
}

const NAME_FIELDS = 'honorificPrefix, givenName, familyName'

/** Published clinicians who review and have a Studio user to sign off with. */
export const REVIEWERS_QUERY = `*[_type == "clinician" && canReview == true && defined(linkedUser)
  && !(_id in path("drafts.**")) && !(_id in path("versions.**"))]
  | order(familyName asc){_id, linkedUser, ${NAME_FIELDS}}`

/** The published clinicians linked to a user (usually one). */
export const LINKED_CLINICIANS_QUERY = `*[_type == "clinician" && linkedUser == $userId
  && !(_id in path("drafts.**")) && !(_id in path("versions.**"))]._id`

/** One published clinician's name fields and linked user. */
export const CLINICIAN_QUERY = `*[_id == $id][0]{_id, linkedUser, canReview, ${NAME_FIELDS}}`

export interface ClinicianRow {
  _id: string
  linkedUser?: string
  canReview?: boolean
  honorificPrefix?: string
  givenName?: string
  familyName?: string
}
