// Shared by the importer's tests: the fixtures, converted with the Node context.
import {readFileSync} from 'node:fs'
import {SEED_PATH} from '../../content/build'
import {convertSource, mergePlans, type ImportPlan, type Topic} from '../../importer'
import {collectSources, nodeContext} from '../../importer/node'

export const FIXTURES = 'test/fixtures/import'
export const NOW = '2026-12-01T12:00:00.000Z'

/** The sample dataset's topics, as the importer reads them from a lake seeded with it. */
export const SAMPLE_TOPICS: Topic[] = [
  {
    _id: 'condition-chronic-migraine',
    _type: 'condition',
    name: 'Chronic migraine',
    alternateNames: ['Chronic migraines', 'Transformed migraine'],
  },
  {
    _id: 'condition-headache-disorders',
    _type: 'condition',
    name: 'Headache disorders',
    alternateNames: ['Headaches', 'Recurring headaches'],
  },
  {
    _id: 'treatment-botox-chronic-migraine',
    _type: 'treatment',
    name: 'Botox injections for chronic migraine',
    brandName: 'Botox',
    genericName: 'onabotulinumtoxinA',
  },
]

export const ctx = nodeContext({topics: SAMPLE_TOPICS, now: NOW, publisher: 'Allied Pain & Spine'})

export async function convertFile(path: string): Promise<ImportPlan> {
  const {sources} = await collectSources([path])
  return mergePlans(await Promise.all(sources.map((source) => convertSource(source, ctx))))
}

export function seedSource() {
  return {name: 'seed/prevent-headaches.txt', text: readFileSync(SEED_PATH, 'utf8')}
}

interface Block {
  _type: string
  style?: string
  listItem?: string
  children?: Array<{text: string; marks: string[]}>
  markDefs?: Array<{_key: string; _type: string; href?: string}>
}

export const textOf = (block: Block) => (block.children ?? []).map((c) => c.text).join('')

/** Each block as "style: text" (lists as "bullet: text", images as "image"). */
export function outline(blocks: unknown): string[] {
  return (blocks as Block[]).map((block) =>
    block._type === 'block' ? `${block.listItem ?? block.style}: ${textOf(block)}` : block._type,
  )
}
