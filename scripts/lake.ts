// npm run lake | lake:import | lake:export — the lake's generic command line (lake/cli/cli.ts)
// with the project's choices: the sample content as the default seed, the clinic's rules as the
// lake's plugin (served and held offline alike; `--hosted-parity` serves without it, as hosted
// Sanity would), the widgets' fragment route /embed/v1/… (scripts/embed-route.ts; also a plugin,
// so not with `--hosted-parity`), the project's Blueprint (sanity.blueprint.ts: the review guard
// runs either way) and the article importer as `import-articles`.
import {join} from 'node:path'
import {SAMPLE_PATH} from '../content/build'
import {clinicRules} from '../clinic-rules'
import {embedFragments} from './embed-route'
import {runLakeCli} from '../lake/cli/cli'

await runLakeCli(process.argv.slice(2), {
  seed: SAMPLE_PATH,
  plugins: [clinicRules(), embedFragments()],
  blueprint: join(import.meta.dirname, '..', 'sanity.blueprint.ts'),
  commands: {
    'import-articles': {
      usage:
        'npm run lake -- import-articles <files or folders…> [--dry-run] [--url <lake URL>] [--dataset production]',
      // Loaded only when asked for: the converter brings the Studio schema, which the lake itself
      // does not need.
      run: async (args) => (await import('../importer/cli')).runImportCli(args),
    },
  },
})
