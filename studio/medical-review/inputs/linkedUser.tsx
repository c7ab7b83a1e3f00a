// The clinician's "Studio user": who signs in as this clinician and may approve their reviews.
// Shows that user (avatar, name, email when the Studio may know it), lets an administrator
// pick one of the project's members, and says plainly when the id matches no user.
import {Box, Card, Flex, Select, Stack, Text} from '@sanity/ui'
import {
  set,
  unset,
  useCurrentUser,
  UserAvatar,
  useUser,
  type SanityClient,
  type StringInputProps,
} from 'sanity'
import {useLoaded, useReviewClient} from '../data/hooks'
import {isAdministrator} from '../data/roles'
import {noUserMessage} from './linkedUserRule'

interface Member {
  id: string
  isRobot?: boolean
}
interface ProjectUser {
  id: string
  displayName?: string
}
interface LakeUserRow {
  id: string
  email?: string
}

/** The project's people (robots left out), with their names, for the administrator's picker. */
async function projectUsers(client: SanityClient): Promise<ProjectUser[]> {
  const {projectId} = client.config()
  const project = await client.request<{members?: Member[]}>({url: `/projects/${projectId}`})
  const ids = (project.members ?? []).filter((member) => !member.isRobot).map(({id}) => id)
  if (ids.length === 0) return []
  const users = await client.request<ProjectUser | ProjectUser[]>({url: `/users/${ids.join(',')}`})
  return (Array.isArray(users) ? users : [users]).filter(Boolean)
}

/** Emails are the administrator's to read: the lake lists them at /lake/users (hosted: none). */
async function userEmails(client: SanityClient): Promise<Map<string, string>> {
  const rows = await client.request<LakeUserRow[]>({url: '/lake/users'}).catch(() => [])
  return new Map(rows.filter((row) => row.email).map((row) => [row.id, row.email!]))
}

function LinkedUserCard({id, email}: {id: string; email?: string}) {
  const [user, loading] = useUser(id)
  if (loading)
    return (
      <Text size={1} muted>
        Looking up the Studio user…
      </Text>
    )
  if (!user)
    return (
      <Card padding={3} radius={2} tone="critical" data-testid="linked-user-missing">
        <Text size={1}>{noUserMessage(id)}</Text>
      </Card>
    )
  return (
    <Card padding={3} radius={2} border data-testid="linked-user">
      <Flex gap={3} align="center">
        <UserAvatar user={user} size={1} />
        <Stack gap={2}>
          <Text size={1} weight="medium">
            {user.displayName ?? id}
          </Text>
          <Text size={1} muted>
            {email ? `${email} · ` : ''}
            {id}
          </Text>
        </Stack>
      </Flex>
    </Card>
  )
}

export function LinkedUserInput(props: StringInputProps) {
  const {value, onChange, readOnly, elementProps} = props
  const client = useReviewClient()
  const admin = isAdministrator(useCurrentUser())
  const people = useLoaded(
    async () =>
      admin ? {users: await projectUsers(client), emails: await userEmails(client)} : undefined,
    [admin],
  ).value
  const id = value?.trim()

  return (
    <Stack gap={3}>
      {id ? (
        <LinkedUserCard id={id} email={people?.emails.get(id)} />
      ) : (
        <Text size={1} muted>
          No Studio user linked.
        </Text>
      )}
      {admin && (
        <Box>
          <Select
            {...elementProps}
            value={id ?? ''}
            disabled={readOnly || !people}
            onChange={(event) => {
              const next = event.currentTarget.value
              onChange(next ? set(next) : unset())
            }}
          >
            <option value="">{people ? 'No Studio user' : 'Loading the project’s users…'}</option>
            {id && people && !people.users.some((user) => user.id === id) && (
              <option value={id}>{id} (no such user)</option>
            )}
            {people?.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName ?? user.id}
                {people.emails.get(user.id) ? ` (${people.emails.get(user.id)})` : ''}
              </option>
            ))}
          </Select>
        </Box>
      )}
    </Stack>
  )
}
