// The sample's people: who `npm start` signs in as, one per kind of Studio user. Added to the
// lake's user store (lake/access/users.ts) by scripts/start.ts and the tests.
import type {LakeUser, NewUser, UserStore} from '../lake/access/users'

export const SAMPLE_USERS: Array<NewUser & {id: string}> = [
  {
    id: 'admin',
    name: 'Clinic administrator',
    email: 'admin@clinic-kit.localhost',
    role: 'administrator',
  },
  {id: 'editor', name: 'Content editor', email: 'editor@clinic-kit.localhost', role: 'editor'},
  // The medical reviewer is the sample's clinician `clinician-sloane-yu`.
  {
    id: 'clinician-sloane-yu',
    name: 'Dr. Sloane Yu',
    email: 'sloane.yu@clinic-kit.localhost',
    role: 'medicalReviewer',
  },
]

/** Adds the sample users that are missing; answers the new ones with their tokens. */
export function ensureSampleUsers(users: UserStore): Array<{user: LakeUser; token: string}> {
  return SAMPLE_USERS.filter(({id}) => !users.get(id)).map((user) => users.add(user))
}
