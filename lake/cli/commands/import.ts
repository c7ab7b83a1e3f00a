// npm run lake:import -- <file.ndjson> [--dataset …] [--replace | --missing]: NDJSON in the
// format of `sanity dataset import`, all or nothing, on a folder or through a running lake.
import {statSync} from 'node:fs'
import type {ImportMode} from '../../datasets/ndjson'
import {progressBar} from '../output'
import type {CommandContext} from './context'

export async function importCommand(context: CommandContext) {
  const {values, positionals, usage, admin} = context
  const file = positionals[0]
  if (!file) throw new Error(usage)
  if (values.replace && values.missing)
    throw new Error('--replace and --missing exclude each other')
  const mode: ImportMode = values.replace ? 'replace' : values.missing ? 'missing' : 'fail'
  const dataset = values.dataset ?? context.defaultDataset
  const onProgress = progressBar(statSync(file).size)
  const {result, where} = await admin(async (lake) => ({
    result: await lake.importFile(file, {dataset, mode, onProgress}),
    where: lake.where,
  }))
  if (onProgress) process.stderr.write('\n')
  const assets = result.assets ? ` and ${result.assets} assets` : ''
  console.log(`lake: imported ${result.documents} documents${assets} into ${where} (${dataset})`)
}
