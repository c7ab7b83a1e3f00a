// The clinic's production resources on hosted Sanity, deployed with `npx sanity blueprints
// deploy` (docs/operators.md "Going to production"):
// - the review guard (functions/review-guard), a document function that repairs a published
//   article or FAQ whose text its medical approval does not cover;
// - the robot token it runs with;
// - CORS origins for the clinic's own sites, from CLINIC_SITE_ORIGINS (comma-separated; sites
//   that only read, no credentials) and CLINIC_STUDIO_ORIGINS (self-hosted Studios, with
//   credentials).
// Partner sites' origins stay content (editors add partners in the Studio) and custom roles
// need an Enterprise plan, so neither is declared here.
import {
  defineBlueprint,
  defineCorsOrigin,
  defineDocumentFunction,
  defineRobotToken,
  type BlueprintResource,
} from '@sanity/blueprints'
import {MEDICAL_CONTENT_FIELDS} from './model/review/fingerprint'
import {REVIEWED_TYPES} from './model/review/state'

export const REVIEW_GUARD_ROBOT = 'review-guard-robot'

/** Published articles and FAQs (drafts and release versions are where editors work). */
export const REVIEW_GUARD_FILTER = `_type in ${JSON.stringify(REVIEWED_TYPES)}`

/** What the guard reads of the changed document: its ids, its medical fields and its review. */
export const REVIEW_GUARD_PROJECTION =
  `{_id, _type, _rev, _updatedAt, ${MEDICAL_CONTENT_FIELDS.join(', ')}, medicalReview}` as const satisfies `{${string}}`

/** `https://www.example.org` → `site-www-example-org`: a resource name Blueprints accept. */
function originName(prefix: string, origin: string): string {
  return `${prefix}-${origin
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`.toLowerCase()
}

function origins(value: string | undefined): string[] {
  const list = (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  for (const origin of list)
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new Error(
        `"${origin}" is not a CORS origin: give protocol://host[:port], e.g. https://www.example-clinic.org`,
      )
  return list
}

/** The Blueprint's resources, from the environment the deploy runs in. */
export function clinicResources(env: NodeJS.ProcessEnv = process.env): BlueprintResource[] {
  return [
    defineRobotToken({
      name: REVIEW_GUARD_ROBOT,
      label: 'Medical review guard',
      // Editor: the least of Sanity's standard roles that may write published documents (put an
      // approved revision back, unpublish) and read the history. A narrower custom role needs
      // an Enterprise plan.
      memberships: [{roleNames: ['editor']}],
    }),
    defineDocumentFunction({
      name: 'review-guard',
      displayName: 'Medical review guard',
      src: 'functions/review-guard',
      timeout: 30,
      memory: 1,
      robotToken: `$.resources.${REVIEW_GUARD_ROBOT}.token`,
      event: {
        // Publishing creates or updates the published document; a deletion leaves nothing a
        // reader could take for reviewed, so the guard does not run for it.
        on: ['create', 'update'],
        filter: REVIEW_GUARD_FILTER,
        projection: REVIEW_GUARD_PROJECTION,
        includeDrafts: false,
        includeAllVersions: false,
      },
    }),
    ...origins(env.CLINIC_SITE_ORIGINS).map((origin) =>
      defineCorsOrigin({name: originName('site', origin), origin, allowCredentials: false}),
    ),
    ...origins(env.CLINIC_STUDIO_ORIGINS).map((origin) =>
      defineCorsOrigin({name: originName('studio', origin), origin, allowCredentials: true}),
    ),
  ]
}

export default defineBlueprint({resources: clinicResources()})
