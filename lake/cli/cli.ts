// The lake's command line, generic: a project runs it with its own choices (scripts/lake.ts for
// `npm run lake | lake:import | lake:export`).
//   serve  [--port 3030] [--host 127.0.0.1] [--dir .lake] [--seed …] [--dataset production]
//          [--query-timeout 10] [--hosted-parity]
//   serve functions logs [--name …] [--dir .lake]
//   serve dataset list|create <name>|copy <from> <to>|delete <name> [--dir .lake | --url …]
//   serve users add --name … --email … --role …|list|remove <id>|token <id> [--bare]
//          [--dir | --url]
//   import <file.ndjson> [--dir .lake | --url …] [--dataset …] [--replace | --missing]
//   export <out.ndjson> [--dir .lake | --url …] [--dataset …]
//   <a project's command> …: its own words and flags (e.g. import-articles)
// Each admin command is written once (lake/cli/commands/) against the admin port
// (lake/cli/admin.ts); which port a run gets is chosen here, once: through a running lake's HTTP
// API with --url, else on the stopped lake's folder under its lock.
import {parseArgs} from 'node:util'
import {DEFAULT_LAKE_URL} from '../../config/client'
import {RoleTable} from '../access/roles'
import {LakeError} from '../http/errors'
import type {LakePlugin} from '../plugin'
import type {FolderLockedError} from '../server/lock'
import type {AdminOpener} from './admin'
import {httpAdmin, httpToken} from './admin-http'
import {openOfflineAdmin} from './admin-offline'
import {OPTIONS, usageText, type Values} from './args'
import type {CommandContext} from './commands/context'
import {datasetCommand} from './commands/dataset'
import {exportCommand} from './commands/export'
import {functionsCommand} from './commands/functions'
import {importCommand} from './commands/import'
import {serveCommand} from './commands/serve'
import {usersCommand} from './commands/users'

/** A command the project adds, with its own words and flags. */
export interface ProjectCommand {
  /** Its line in the usage text, e.g. `npm run lake -- import-articles <files…>`. */
  usage: string
  /** Runs it; answers the exit code. */
  run(args: string[]): Promise<number>
}

/** What a project chooses for its lake command line. */
export interface LakeCliOptions {
  /** The NDJSON `serve` loads into an empty default dataset when --seed is not given. */
  seed?: string
  /** What the project adds to the lake (lake/plugin.ts), served and held offline alike. */
  plugins?: LakePlugin[]
  /**
   * The project's Blueprint (`sanity.blueprint.ts`): its functions run, its robot tokens are
   * issued and its CORS origins allowed, with or without --hosted-parity.
   */
  blueprint?: string
  /** The project's own commands by name, run as `<name> …` or `serve <name> …`. */
  commands?: Record<string, ProjectCommand>
}

const defaultDataset = () => process.env.SANITY_DATASET ?? 'production'
const projectId = () => process.env.SANITY_PROJECT_ID ?? 'clinickit'

/** Explains, for a folder a running lake holds, how to run the same command through its API. */
function lockedMessage(error: FolderLockedError, script: string, args: string[]): string {
  const url = error.holder.url ?? DEFAULT_LAKE_URL
  return [
    `${error.message}.`,
    'Writing or reading its files directly could lose data; go through its HTTP API instead:',
    `  npm run ${script} -- ${[...args, '--url', url].join(' ')}`,
    '(with --url the token comes from SANITY_API_TOKEN, else the --dir folder’s token file)',
  ].join('\n')
}

/**
 * The admin port for this run: the running lake at --url, else the --dir folder (`script` and
 * `args` say, if a running lake holds it, how to run the command through its API).
 */
function adminPort(
  values: Values,
  plugins: readonly LakePlugin[],
  script: string,
  args: string[],
): AdminOpener {
  const {url, dir} = values
  if (url)
    return async (work) => work(httpAdmin({url, token: httpToken(dir), projectId: projectId()}))
  return async (work) => {
    const admin = openOfflineAdmin({
      dir,
      defaultDataset: defaultDataset(),
      projectId: projectId(),
      plugins,
      lockedHint: (error) => lockedMessage(error, script, args),
    })
    try {
      return await work(admin)
    } finally {
      admin.close()
    }
  }
}

async function main(argv: string[], options: LakeCliOptions) {
  const plugins = options.plugins ?? []
  const commands = options.commands ?? {}
  // A project's command takes its own flags: the words after its name go to it as they are.
  const named = argv[0] === 'serve' ? 1 : 0
  const project = Object.hasOwn(commands, argv[named] ?? '') ? commands[argv[named]!] : undefined
  if (project) {
    process.exitCode = await project.run(argv.slice(named + 1))
    return
  }
  const usage = usageText({
    seed: options.seed,
    roleNames: new RoleTable(plugins.flatMap((plugin) => plugin.roles ?? [])).names,
    extraUsage: Object.values(commands).map((command) => command.usage),
  })
  const [command, ...rest] = argv
  const {values, positionals} = parseArgs({args: rest, allowPositionals: true, options: OPTIONS})
  const context = (words: string[], script: string, args: string[]): CommandContext => ({
    values,
    positionals: words,
    usage,
    defaultDataset: defaultDataset(),
    admin: adminPort(values, plugins, script, args),
  })
  switch (command) {
    case 'serve': {
      // `npm run lake` is `serve`, so `npm run lake -- dataset …` arrives here.
      const [sub] = positionals
      if (sub === 'dataset' || sub === 'users') {
        const args = [sub, ...rest.slice(rest.indexOf(sub) + 1)]
        const run = sub === 'dataset' ? datasetCommand : usersCommand
        return run(context(positionals.slice(1), 'lake', args))
      }
      if (sub === 'functions') return functionsCommand(positionals.slice(1), values, usage)
      if (positionals.length > 0) throw new Error(usage)
      return serveCommand(values, {seed: options.seed, plugins, blueprint: options.blueprint})
    }
    case 'functions':
      return functionsCommand(positionals, values, usage)
    case 'dataset':
      return datasetCommand(context(positionals, 'lake', ['dataset', ...rest]))
    case 'users':
      return usersCommand(context(positionals, 'lake', ['users', ...rest]))
    case 'import':
      return importCommand(context(positionals, 'lake:import', rest))
    case 'export':
      return exportCommand(context(positionals, 'lake:export', rest))
    default:
      throw new Error(usage)
  }
}

/**
 * Runs the lake command line on `argv` (the words after the program) with the project's
 * choices. A failure prints `lake: <message>` on stderr and exits with 1.
 */
export async function runLakeCli(argv: string[], options: LakeCliOptions = {}): Promise<void> {
  try {
    await main(argv, options)
  } catch (error) {
    const message =
      error instanceof LakeError
        ? `${error.message}`
        : error instanceof Error
          ? error.message
          : String(error)
    console.error(`lake: ${message}`)
    process.exit(1)
  }
}
