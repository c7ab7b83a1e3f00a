// npm run lake -- functions logs [--name <function>] [--dir .lake]: the Blueprint's function
// invocations the lake logged (lake/functions/log.ts), oldest first. The log is append only, so
// this reads it whether or not the lake runs.
import {formatInvocation, functionLogFile, readInvocations} from '../../functions/log'
import type {Values} from '../args'

export function functionsCommand(words: string[], values: Values, usage: string): void {
  const [sub, ...rest] = words
  if (sub !== 'logs' || rest.length > 0) throw new Error(usage)
  const entries = readInvocations(values.dir, values.name)
  if (entries.length === 0) {
    const which = values.name ? ` of ${values.name}` : ''
    console.log(`No function invocations${which} logged in ${functionLogFile(values.dir)}`)
    return
  }
  for (const entry of entries) console.log(formatInvocation(entry))
}
