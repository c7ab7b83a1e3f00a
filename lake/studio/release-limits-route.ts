// GET /vX/projects/{projectId}/new-content-release-allowed: the release limits the Studio's
// Releases tool checks before it creates, archives or reverts a release
// (sanity/lib/ReleasesStudioLayout, fetchReleaseLimits: it reads `data.datasetReleaseLimit`,
// `data.orgActiveReleaseLimit` and `data.orgMeteredActiveReleaseCount`). The lake sets no limit
// of its own; it reports a high one and counts the active releases of every dataset.
import type {RouteContext} from '../http/context'
import {requireToken} from '../http/context'
import {sendJson} from '../http/http'
import {RELEASES_PREFIX} from '../../model/sanity/ids'
import {route} from '../http/route'

/** Far above what an editor plans at once; the lake enforces none. */
const RELEASE_LIMIT = 1000

function releaseLimits(ctx: RouteContext) {
  requireToken(ctx)
  let active = 0
  for (const dataset of ctx.lake.datasets.list())
    for (const doc of dataset.store.all())
      if (doc._id.startsWith(RELEASES_PREFIX) && doc.state === 'active') active++
  sendJson(ctx.res, 200, {
    data: {
      datasetReleaseLimit: RELEASE_LIMIT,
      orgActiveReleaseLimit: RELEASE_LIMIT,
      orgMeteredActiveReleaseCount: active,
    },
  })
}

export const releaseLimitRoutes = [
  route('GET', '/v:version/projects/:projectId/new-content-release-allowed', releaseLimits),
]
