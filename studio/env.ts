// Which Sanity project and dataset the Studio edits. The CLI and the Studio bundle both expose
// SANITY_STUDIO_* variables to this code.
export const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'clinickit'
export const dataset = process.env.SANITY_STUDIO_DATASET || 'production'

/**
 * The local lake's origin when the Studio edits offline (e.g. https://localhost:3443, or `origin`
 * for the origin the Studio is served from); empty for hosted Sanity. The Studio puts the project
 * id in front of the host (clinickit.localhost).
 */
export const lakeApiHost =
  process.env.SANITY_STUDIO_API_HOST === 'origin' && typeof window !== 'undefined'
    ? // Served by the lake itself: talk to whichever origin the Studio was loaded from.
      window.location.origin
    : process.env.SANITY_STUDIO_API_HOST === 'origin'
      ? ''
      : process.env.SANITY_STUDIO_API_HOST || ''

/**
 * The dataset of the Studio's second, staging workspace: SANITY_STUDIO_STAGING_DATASET, else
 * `staging` when the Studio edits the local lake (`npm start` creates it); none for a hosted
 * Studio that has not been told.
 */
export const stagingDataset =
  process.env.SANITY_STUDIO_STAGING_DATASET || (process.env.SANITY_STUDIO_API_HOST ? 'staging' : '')

/** Where the Studio is served from: `/studio` under the lake, `/` on its own. */
export const basePath = process.env.SANITY_STUDIO_BASE_PATH || '/'

/**
 * Where the clinic publishes its widget scripts, for the embed code the Studio shows partners:
 * SANITY_STUDIO_WIDGETS_URL, else the local lake's /dist when the Studio edits the lake; empty
 * (a placeholder) for a hosted Studio that has not been told.
 */
export const widgetsUrl =
  process.env.SANITY_STUDIO_WIDGETS_URL || (lakeApiHost ? `${lakeApiHost}/dist` : '')

/**
 * Where the embed code sends partners for the widget scripts: SANITY_STUDIO_WIDGETS_URL only. On a
 * local lake the embed code asks the lake for its plain-HTTP address instead (`lakeOriginUrl`),
 * since a partner's browser need not trust the certificate the Studio is served with.
 */
export const publishedWidgetsUrl = process.env.SANITY_STUDIO_WIDGETS_URL || ''

/** The lake route that answers `{http}`, the lake's plain-HTTP origin; empty for hosted Sanity. */
export const lakeOriginUrl = lakeApiHost ? `${lakeApiHost}/v2025-02-19/lake/origin` : ''
