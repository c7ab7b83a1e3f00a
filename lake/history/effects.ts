// A transaction's effect on one document in mendoza form, as the history API sends it with
// `effectFormat=mendoza`: `apply` turns the body before into the body after, `revert` the other
// way. Mendoza's opcode 0 ("value") makes a patch that yields a literal, so each side is the
// whole body; `[0, null]` is the patch the Studio reads as "deleted" (sanity/lib
// `getEffectState`, `isDeletePatch`).
import type {LakeDocument} from '../store/types'

export type MendozaPatch = [0, LakeDocument | null]

export interface MendozaEffect {
  apply: MendozaPatch
  revert: MendozaPatch
}

export function mendozaEffect(bodies: {
  before: LakeDocument | null
  after: LakeDocument | null
}): MendozaEffect {
  return {apply: [0, bodies.after], revert: [0, bodies.before]}
}
