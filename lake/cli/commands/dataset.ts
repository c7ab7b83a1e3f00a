// npm run lake -- dataset list|create <name>|copy <from> <to>|delete <name> [--visibility …]
// [--skip-history]: Sanity's dataset commands, on a folder or through a running lake.
import {inFolder, type CommandContext} from './context'

const ACTIONS = ['list', 'create', 'copy', 'delete']

export async function datasetCommand({values, positionals, usage, admin}: CommandContext) {
  const [action, first, second] = positionals
  if (!ACTIONS.includes(action ?? '')) throw new Error(usage)
  const need = (name: string | undefined, what: string) => {
    if (!name) throw new Error(`dataset ${action} needs ${what}\n${usage}`)
    return name
  }
  await admin(async (lake) => {
    switch (action) {
      case 'list':
        for (const name of await lake.listDatasets()) console.log(name)
        return
      case 'create': {
        const name = need(first, '<name>')
        await lake.createDataset(name, {aclMode: values.visibility})
        console.log(`lake: created dataset ${name}${inFolder(lake.folder)}`)
        return
      }
      case 'copy': {
        const from = need(first, '<from> <to>')
        const to = need(second, '<from> <to>')
        await lake.copyDataset(from, to, {skipHistory: values['skip-history']})
        console.log(`lake: copied dataset ${from} to ${to}${inFolder(lake.folder)}`)
        return
      }
      case 'delete': {
        const name = need(first, '<name>')
        await lake.deleteDataset(name)
        console.log(`lake: deleted dataset ${name}${inFolder(lake.folder, 'from')}`)
        return
      }
    }
  })
}
