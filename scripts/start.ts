// `npm start`: builds the widgets and the Studio for the local lake (each only when its inputs
// changed since the build in place), starts the lake on the sample content (plain HTTP for tools, widgets and the demo page at /demo;
// HTTP/2 over TLS for the Studio at /studio/production and /studio/staging) and prints where
// everything is. Ctrl-C stops it all.
import {join} from 'node:path'
import {SAMPLE_PATH} from '../content/build'
import {demoRoutes} from '../demo/routes'
import {ensureCommentsDataset} from '../lake/datasets/comments-route'
import {studioSiteRoutes} from '../lake/studio/site-route'
import {startLake} from '../lake/server/server'
import {signInLink, studioOrigin as originOf} from '../lake/access/signin'
import {ensureLakeTls, spkiHash} from '../lake/server/tls'
import {ensureSampleUsers, SAMPLE_USERS} from '../content/sample-users'
import {clinicRules} from '../clinic-rules'
import {embedFragments} from './embed-route'
import {ensureLakeStudio} from './studio-build'
import {buildLine, ensureWidgets, sizeSummary, WIDGETS_DIST} from './widgets-build'

const STUDIO_OUT = join('dist', 'studio')
const STAGING = process.env.SANITY_STUDIO_STAGING_DATASET || 'staging'

async function main() {
  console.log(buildLine('widgets', WIDGETS_DIST, await ensureWidgets()))
  console.log(buildLine('studio', STUDIO_OUT, await ensureLakeStudio(STUDIO_OUT)))
  const dir = process.env.CK_LAKE_DIR ?? '.lake'
  const tls = ensureLakeTls(dir)
  const lake = await startLake({
    port: Number(process.env.CK_LAKE_PORT ?? 3030),
    tlsPort: Number(process.env.CK_STUDIO_PORT ?? 3443),
    host: process.env.CK_LAKE_HOST ?? '127.0.0.1',
    dir,
    seed: SAMPLE_PATH,
    tls,
    extraRoutes: [...studioSiteRoutes(STUDIO_OUT), ...demoRoutes()],
    plugins: [clinicRules(), embedFragments()],
    // The review guard and the clinic's CORS origins, run by the lake as hosted Sanity would.
    blueprint: join(import.meta.dirname, '..', 'sanity.blueprint.ts'),
  })
  // The Studio's staging workspace edits this dataset: first made as a copy of production (with
  // the sample content), then kept between starts.
  if (!lake.datasets.has(STAGING)) {
    lake.datasets.copy(lake.datasets.defaultName, STAGING)
    console.log(`lake: created the ${STAGING} dataset as a copy of ${lake.datasets.defaultName}`)
  }
  // The Studio's comments datasets, made by the lake itself: making a dataset needs an
  // administrator, and the Studio would otherwise ask for one with the first comment's author.
  for (const name of [lake.datasets.defaultName, STAGING])
    ensureCommentsDataset(lake.datasets, name)
  const studioOrigin = originOf(lake.tlsUrl!)
  console.log(`lake: listening on ${lake.url}`)
  console.log(`lake: HTTP/2 (TLS) on ${studioOrigin}; trust ${tls.caFile} once (see README)`)
  console.log(`demo: ${lake.url}/demo/`)
  console.log(`studio: ${signInLink(studioOrigin, lake.token)} (lake token)`)
  // Tokens are kept hashed, so a sample user's login link can be shown only when it is made.
  const created = new Map(ensureSampleUsers(lake.users).map((added) => [added.user.id, added]))
  for (const {id, role} of SAMPLE_USERS) {
    const added = created.get(id)
    console.log(
      added
        ? `studio: sign in as ${added.user.name} (${role}): ${signInLink(studioOrigin, added.token)}`
        : `studio: ${id} (${role}) exists; a new login link: npm run lake -- users token ${id} --url ${lake.url}`,
    )
  }
  console.log(`studio: staging workspace at ${studioOrigin}/studio/staging/`)
  console.log(
    `studio: or start Chromium with --ignore-certificate-errors-spki-list=${spkiHash(tls.cert)}`,
  )
  console.log(sizeSummary(WIDGETS_DIST))
  console.log('Press Ctrl-C to stop.')
  const stop = () => {
    lake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
