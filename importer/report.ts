// The report an import ends with: what each draft became, the topics suggested, the warnings
// grouped by kind, and a one-line summary. Plain text, so the CLI prints it and a Studio tool
// can show it.
import type {ImportPlan, PlannedChange, WarningKind} from './types'

export interface ImportSummary {
  articles: number
  faqs: number
  images: number
  changes: Record<PlannedChange['change'], number>
  warnings: Partial<Record<WarningKind, number>>
}

export function summarize(plan: ImportPlan, changes: PlannedChange[]): ImportSummary {
  const warnings: ImportSummary['warnings'] = {}
  for (const warning of plan.warnings) warnings[warning.kind] = (warnings[warning.kind] ?? 0) + 1
  const changeCounts = {created: 0, updated: 0, unchanged: 0}
  for (const change of changes) changeCounts[change.change]++
  return {
    articles: plan.articles.length,
    faqs: plan.faqs.length,
    images: plan.assets.length,
    changes: changeCounts,
    warnings,
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

export function formatReport(
  plan: ImportPlan,
  changes: PlannedChange[],
  options: {dryRun?: boolean; uploaded?: number; reused?: number} = {},
): string {
  const lines: string[] = []
  const verb = options.dryRun ? 'would be ' : ''
  for (const change of changes) {
    const published = change.published ? ' (published version left as it is)' : ''
    lines.push(
      `${(verb + change.change).padEnd(options.dryRun ? 18 : 10)} ${change.type.padEnd(7)} ${change.id}  "${change.title}"${published}`,
    )
  }
  const byDocument = new Map<string, string[]>()
  for (const s of plan.suggestions) {
    const list = byDocument.get(s.documentId) ?? []
    list.push(`${s.name} (${s.topicType}, "${s.matched}")`)
    byDocument.set(s.documentId, list)
  }
  if (byDocument.size > 0) {
    lines.push('', 'Conditions and treatments the texts name (set on the drafts):')
    for (const [id, topics] of byDocument) lines.push(`  ${id}: ${topics.join(', ')}`)
  }
  if (plan.assets.length > 0) {
    lines.push('', 'Images:')
    for (const asset of plan.assets) lines.push(`  ${asset.path}`)
  }
  const kinds = [...new Set(plan.warnings.map((w) => w.kind))]
  if (kinds.length > 0) {
    lines.push('', `Warnings (${plan.warnings.length}):`)
    for (const kind of kinds) {
      const warnings = plan.warnings.filter((w) => w.kind === kind)
      lines.push(`  ${kind} (${warnings.length})`)
      for (const w of warnings) lines.push(`    ${w.source}: ${w.message}`)
    }
  }
  const summary = summarize(plan, changes)
  const images =
    options.uploaded !== undefined
      ? `${plural(summary.images, 'image')} (${options.uploaded} ${options.dryRun ? 'to upload' : 'uploaded'}, ${options.reused ?? 0} already there)`
      : plural(summary.images, 'image')
  const warningText =
    kinds.length > 0 ? kinds.map((kind) => `${kind} ${summary.warnings[kind]}`).join(', ') : 'none'
  lines.push(
    '',
    `Summary: ${plural(summary.articles, 'article')}, ${summary.faqs} FAQs, ${images}; ` +
      `${summary.changes.created} created, ${summary.changes.updated} updated, ${summary.changes.unchanged} unchanged; ` +
      `warnings: ${warningText}`,
  )
  if (options.dryRun) lines.push('Dry run: nothing was written.')
  return lines.join('\n')
}
