// npm run lake -- users add --name … --email … --role … [--id …] [--image-url …] | list |
// remove <id> | token <id> [--bare]: the lake's users, on a folder or through a running lake.
import {printToken, printUser} from '../output'
import {inFolder, type CommandContext} from './context'

const ACTIONS = ['list', 'add', 'remove', 'token']

export async function usersCommand({values, positionals, usage, admin}: CommandContext) {
  const [action, id] = positionals
  if (!ACTIONS.includes(action ?? '')) throw new Error(usage)
  const needId = () => {
    if (!id) throw new Error(`users ${action} needs <id>\n${usage}`)
    return id
  }
  await admin(async (lake) => {
    switch (action) {
      case 'list':
        return (await lake.listUsers()).forEach(printUser)
      case 'add': {
        const added = await lake.addUser({
          id: values.id,
          name: values.name ?? '',
          email: values.email ?? '',
          role: values.role ?? '',
          imageUrl: values['image-url'],
        })
        if (!values.bare) printUser(added.user)
        return printToken(added.user.id, added.token, values.bare)
      }
      case 'remove':
        await lake.removeUser(needId())
        return console.log(`lake: removed user ${id}${inFolder(lake.folder, 'from')}`)
      case 'token':
        return printToken(needId(), await lake.issueToken(needId()), values.bare, true)
    }
  })
}
