// Builds the Studio to be served by the local lake (Node only; not part of the Studio bundle).
import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'

/** Builds the Studio the way `npm start` does: API at the origin it is served from, under /studio. */
export async function buildLakeStudio(outDir: string): Promise<void> {
  await promisify(execFile)(join('node_modules', '.bin', 'sanity'), ['build', outDir, '--yes'], {
    env: {
      ...process.env,
      DO_NOT_TRACK: '1',
      NO_UPDATE_NOTIFIER: '1',
      SANITY_STUDIO_API_HOST: 'origin',
      SANITY_STUDIO_BASE_PATH: '/studio',
    },
  })
}
