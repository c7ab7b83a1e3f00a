// Markdown with YAML front matter, as static-site generators and exports write it.
import {parse as parseYaml} from 'yaml'

export interface MarkdownPage {
  title?: string
  description?: string
  date?: string
  tags: string[]
  markdown: string
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : value instanceof Date
      ? value.toISOString()
      : undefined

/** Tags as a YAML list or a comma-separated string; `categories` count too. */
function tagList(...values: unknown[]): string[] {
  return values.flatMap((value) =>
    Array.isArray(value)
      ? value.map(String)
      : typeof value === 'string'
        ? value.split(',').map((tag) => tag.trim())
        : [],
  )
}

/** Splits off the front matter; a front matter that is not YAML is an error the caller reports. */
export function readMarkdownPage(source: string): MarkdownPage {
  const match = FRONT_MATTER.exec(source)
  if (!match) return {tags: [], markdown: source}
  const data = (parseYaml(match[1] ?? '') ?? {}) as Record<string, unknown>
  if (typeof data !== 'object' || Array.isArray(data))
    throw new Error('The front matter is not a set of fields (title: …, description: …).')
  return {
    title: text(data.title),
    description: text(data.description) ?? text(data.summary) ?? text(data.excerpt),
    date: text(data.date),
    tags: tagList(data.tags, data.categories).filter(Boolean),
    markdown: source.slice(match[0].length),
  }
}
