// The project's rooms and the direction of every arrow between them (docs/architecture.md draws
// them). A file belongs to the room with the longest matching path; it may import files of the
// rooms its room lists, and packages unless its room bans them. Root files (sanity.config.ts,
// the tool configs) compose everything and are not a room.

/** @typedef {{room: string, may: string[], packages?: string[]}} Room */

/** @type {Room[]} */
export const ROOMS = [
  // Sanity's data conventions (draft, version, release and published ids): the lake may use them.
  {room: 'model/sanity', may: []},
  // The domain model: plain TypeScript that runs in the Studio, the browser and Node alike.
  {
    room: 'model',
    may: ['model/sanity'],
    packages: [
      'sanity',
      'sanity/*',
      '@sanity/*',
      'react',
      'react-dom',
      'styled-components',
      'node:*',
    ],
  },
  // Where content lives (the local lake or a hosted project), read by tools and the demo.
  {room: 'config', may: []},
  // The widget package: published on its own, so it reaches nothing outside widgets/.
  {room: 'widgets', may: [], packages: ['sanity', 'sanity/*', '@sanity/ui']},
  // A faithful, generic Sanity Content Lake: knows Sanity, nothing of clinics.
  {room: 'lake', may: ['model/sanity', 'config'], packages: ['sanity', 'sanity/*', 'react']},
  // The clinic's server-side rules, a plugin the lake calls.
  {room: 'clinic-rules', may: ['lake', 'model', 'model/sanity'], packages: ['sanity', 'react']},
  // Sanity Studio schemas: types, fields, validation; no React components of their own.
  {
    room: 'schemas',
    may: ['model', 'model/sanity', 'sanity.types.ts'],
    packages: ['react', 'react-dom', '@sanity/ui', 'styled-components', 'node:*'],
  },
  // Bringing a clinic's existing pages in as drafts: runs in the Studio and in Node.
  {room: 'importer', may: ['model', 'model/sanity', 'schemas', 'config', 'sanity.types.ts']},
  // Sanity Functions the project's Blueprint (sanity.blueprint.ts) deploys: run on Sanity's
  // infrastructure (or by the lake) with @sanity/client, on the domain model alone.
  {room: 'functions', may: ['model', 'model/sanity']},
  // The Studio and its features as plugins.
  {
    room: 'studio',
    may: ['model', 'model/sanity', 'schemas', 'importer', 'config', 'sanity.types.ts'],
    packages: ['node:*'],
  },
  // The sample content and its checks.
  {
    room: 'content',
    may: ['model', 'model/sanity', 'schemas', 'importer', 'lake', 'config', 'sanity.types.ts'],
  },
  // The demo page served beside the lake.
  {room: 'demo', may: ['lake', 'config']},
  // The project's entry points: compose the rooms below.
  {
    room: 'scripts',
    may: [
      'model',
      'model/sanity',
      'config',
      'widgets',
      'lake',
      'clinic-rules',
      'schemas',
      'importer',
      'studio',
      'content',
      'demo',
    ],
  },
  // Benchmarks and tests may reach every room.
  {room: 'bench', may: ['*']},
  {room: 'test', may: ['*']},
]

/** The room a repository-relative path belongs to, or null for root files. */
export function roomOf(path) {
  let best = null
  for (const room of ROOMS) {
    if (path === room.room || path.startsWith(`${room.room}/`)) {
      if (!best || room.room.length > best.room.length) best = room
    }
  }
  return best
}

/** The name of what a target path is for the rules: its room, or the root file itself. */
export const targetName = (path) => roomOf(path)?.room ?? path

/** Whether `from` may import `to` (both repository-relative paths). */
export function mayImport(from, to) {
  const source = roomOf(from)
  if (!source) return true
  const target = targetName(to)
  return target === source.room || source.may.includes('*') || source.may.includes(target)
}
