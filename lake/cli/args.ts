// The lake command line's flags (one table for every command) and its usage text.
import {relative} from 'node:path'

export const OPTIONS = {
  port: {type: 'string', default: '3030'},
  host: {type: 'string', default: '127.0.0.1'},
  dir: {type: 'string', default: '.lake'},
  seed: {type: 'string'},
  dataset: {type: 'string'},
  url: {type: 'string'},
  replace: {type: 'boolean', default: false},
  missing: {type: 'boolean', default: false},
  'skip-history': {type: 'boolean', default: false},
  visibility: {type: 'string'},
  'query-timeout': {type: 'string', default: '10'},
  name: {type: 'string'},
  email: {type: 'string'},
  role: {type: 'string'},
  id: {type: 'string'},
  'image-url': {type: 'string'},
  bare: {type: 'boolean', default: false},
  'hosted-parity': {type: 'boolean', default: false},
} as const

export interface Values {
  port: string
  host: string
  dir: string
  seed?: string
  dataset?: string
  url?: string
  replace: boolean
  missing: boolean
  'skip-history': boolean
  visibility?: string
  'query-timeout': string
  name?: string
  email?: string
  role?: string
  id?: string
  'image-url'?: string
  bare: boolean
  'hosted-parity': boolean
}

/**
 * The usage text: the seed shown as the project sets it, the roles users may be given, and the
 * project's own commands' lines after the lake's.
 */
export function usageText(options: {
  seed?: string
  roleNames: readonly string[]
  extraUsage: readonly string[]
}): string {
  const seed = options.seed ? relative(process.cwd(), options.seed) : '<file.ndjson>'
  return [
    'usage:',
    `  npm run lake -- [--port 3030] [--host 127.0.0.1] [--dir .lake] [--seed ${seed}] [--dataset production]`,
    '                  [--query-timeout <seconds, default 10>] [--hosted-parity]',
    '  npm run lake -- dataset list|create <name>|copy <from> <to>|delete <name> [--dir .lake | --url <lake URL>] [--skip-history]',
    `  npm run lake -- users add --name <name> --email <email> --role <${options.roleNames.join('|')}> [--id <id>] [--image-url <url>] [--bare]`,
    '  npm run lake -- users list|remove <id>|token <id> [--bare] [--dir .lake | --url <lake URL>]',
    '  npm run lake -- functions logs [--name <function>] [--dir .lake]',
    '  npm run lake:import -- <file.ndjson> [--dir .lake | --url <lake URL>] [--dataset production] [--replace | --missing]',
    '  npm run lake:export -- <out.ndjson> [--dir .lake | --url <lake URL>] [--dataset production]',
    ...options.extraUsage.map((line) => `  ${line}`),
  ].join('\n')
}
