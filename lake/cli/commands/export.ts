// npm run lake:export -- <out.ndjson> [--dataset …]: a dataset as NDJSON, in the format of
// `sanity dataset export`, from a folder or through a running lake.
import type {CommandContext} from './context'

export async function exportCommand(context: CommandContext) {
  const {values, positionals, usage, admin} = context
  const out = positionals[0]
  if (!out) throw new Error(usage)
  const dataset = values.dataset ?? context.defaultDataset
  const {documents, where} = await admin(async (lake) => ({
    ...(await lake.exportTo(out, dataset)),
    where: lake.where,
  }))
  console.log(
    documents === null
      ? `lake: exported ${dataset} from ${where} to ${out}`
      : `lake: exported ${documents} documents from ${dataset} to ${out}`,
  )
}
