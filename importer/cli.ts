// npm run import -- <files or folders…> [--dry-run] [--url <lake URL>] [--dir .lake]
//                   [--dataset production] [--publisher "Clinic name"]
// (also `npm run lake -- import-articles …`). Converts every HTML, Markdown, WordPress export
// and text file into draft articles and FAQs and writes them to the lake, or to a hosted
// project with SANITY_API_HOST=hosted. Exit codes: 0 imported (or already up to date), 1 nothing
// could be imported, 2 bad usage or the dataset could not be read or written.
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {createClient} from '@sanity/client'
import {clientConfig, contentConfigFromEnv} from '../config/client'
import {collectSources, nodeContext} from './node'
import {convertSource, mergePlans} from './drafts'
import {formatReport} from './report'
import {fetchPublisher, fetchTopics, writePlan} from './write'
import type {ImportPlan} from './types'

export const USAGE = `usage: npm run import -- <files or folders…> [--dry-run] [--url <lake URL>] [--dir .lake]
                      [--dataset production] [--publisher "Clinic name"]
  Reads .html/.htm pages, .md/.markdown with front matter, WordPress exports (.xml) and .txt.
  Target: the lake at SANITY_API_HOST (default http://127.0.0.1:3030) or --url, token from
  SANITY_API_TOKEN or the --dir folder's token file; SANITY_API_HOST=hosted with
  SANITY_PROJECT_ID, SANITY_DATASET and SANITY_API_TOKEN for a hosted Sanity project.`

export interface CliIo {
  out(text: string): void
  err(text: string): void
  env: NodeJS.ProcessEnv
}

const processIo: CliIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  env: process.env,
}

class UsageError extends Error {}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': {type: 'boolean', default: false},
        url: {type: 'string'},
        dir: {type: 'string', default: '.lake'},
        dataset: {type: 'string'},
        publisher: {type: 'string'},
        help: {type: 'boolean', short: 'h', default: false},
      },
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

function targetClient(values: ReturnType<typeof parse>['values'], env: NodeJS.ProcessEnv) {
  const config = contentConfigFromEnv(env)
  if (values.url) config.apiHost = values.url.replace(/\/+$/, '')
  if (values.dataset) config.dataset = values.dataset
  // As `npm run lake:import -- --url`: SANITY_API_TOKEN, else the lake folder's token file.
  const tokenFile = join(values.dir ?? '.lake', 'token')
  const token =
    config.token ??
    (config.apiHost !== null && existsSync(tokenFile)
      ? readFileSync(tokenFile, 'utf8').trim()
      : undefined)
  if (!token)
    throw new UsageError(
      config.apiHost === null
        ? 'A hosted project needs SANITY_API_TOKEN (a token with write access).'
        : `No token for ${config.apiHost}: set SANITY_API_TOKEN, or --dir with the lake's folder.`,
    )
  const where = `${config.apiHost ?? `project ${config.projectId}`} (${config.dataset})`
  return {client: createClient({...clientConfig({...config, token}), useCdn: false}), where}
}

/** Runs the command; resolves with its exit code. */
export async function runImportCli(args: string[], io: CliIo = processIo): Promise<number> {
  let values
  try {
    const parsed = parse(args)
    values = parsed.values
    if (values.help) {
      io.out(USAGE)
      return 0
    }
    if (parsed.positionals.length === 0)
      throw new UsageError('Give the files or folders to import.')
    const {client, where} = targetClient(values, io.env)
    const {sources, missing} = await collectSources(parsed.positionals)
    let topics, publisher
    try {
      topics = await fetchTopics(client)
      publisher = values.publisher ?? (await fetchPublisher(client)) ?? undefined
    } catch (error) {
      io.err(`import: cannot read ${where}: ${error instanceof Error ? error.message : error}`)
      return 2
    }
    const now = new Date().toISOString()
    const ctx = nodeContext({topics, publisher, now, usedSlugs: new Set()})
    const plans: ImportPlan[] = []
    for (const source of sources) plans.push(await convertSource(source, ctx))
    const plan = mergePlans(plans)
    for (const path of missing)
      plan.warnings.unshift({kind: 'unreadable', message: 'No such file or folder.', source: path})
    if (plan.articles.length === 0) {
      io.out(formatReport(plan, [], {dryRun: values['dry-run']}))
      io.err(`import: nothing could be imported (${sources.length} source files read).`)
      return 1
    }
    let result
    try {
      result = await writePlan(client, plan, {
        dryRun: values['dry-run'],
        uploadBody: (bytes) => Buffer.from(bytes),
      })
    } catch (error) {
      io.err(
        `import: writing to ${where} failed: ${error instanceof Error ? error.message : error}`,
      )
      return 2
    }
    io.out(formatReport(plan, result.changes, {dryRun: values['dry-run'], ...result}))
    io.out(
      result.transactionId
        ? `Written to ${where} in transaction ${result.transactionId}.`
        : values['dry-run']
          ? `Target: ${where}.`
          : `Nothing to write: ${where} already has these drafts.`,
    )
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`import: ${error.message}\n${USAGE}`)
      return 2
    }
    throw error
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runImportCli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`import: ${error instanceof Error ? (error.stack ?? error.message) : error}`)
      process.exitCode = 2
    },
  )
}
