// The docs are tested like code: links resolve, HTML snippets render against a real lake, the
// operators' commands name real scripts and flags, and the element reference matches the build.
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, relative} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {SAMPLE_PATH} from '../content/build'
import {startLake} from '../lake/server/server'
import {elementReference, readManifest, REFERENCE_PATH} from '../scripts/element-reference'
import {docsScreenshot} from './helpers/docs-images'
import {openDemo, waitForContent, WIDGET_TAGS, type DemoSession} from './helpers/demo'

const ROOT = join(import.meta.dirname, '..')
const DOCS = join(ROOT, 'docs')
const DOC_FILES = [
  join(ROOT, 'README.md'),
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(DOCS, f)),
]
const SKIP = /<!--\s*docs-test:\s*skip\b/

interface Fence {
  file: string
  line: number
  lang: string
  body: string
  skipped: boolean
}

/** The fenced code blocks of a Markdown file; a skip comment inside or just before one marks it. */
function fencesOf(file: string): Fence[] {
  const lines = readFileSync(file, 'utf8').split('\n')
  const fences: Fence[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!)
    if (!open) continue
    const start = i
    const body: string[] = []
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!)
    const before = lines.slice(Math.max(0, start - 2), start).join('\n')
    fences.push({
      file,
      line: start + 1,
      lang: open[1]!,
      body: body.join('\n'),
      skipped: SKIP.test(before) || SKIP.test(body.join('\n')),
    })
  }
  return fences
}

/** Markdown without its fenced blocks and inline code, where links are not links. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '')
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  for (const line of readFileSync(file, 'utf8')
    .replace(/^```[\s\S]*?^```/gm, '')
    .split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line)
    if (!heading) continue
    const base = heading[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    anchors.add(n === 0 ? base : `${base}-${n}`)
  }
  return anchors
}

describe('docs: links', () => {
  for (const file of DOC_FILES) {
    it(`every relative link in ${relative(ROOT, file)} resolves, anchors included`, () => {
      const broken: string[] = []
      for (const [, target] of prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue
        const [path, anchor] = target!.split('#') as [string, string | undefined]
        const resolved = path ? join(dirname(file), decodeURIComponent(path)) : file
        if (!existsSync(resolved)) broken.push(`${target} (no file)`)
        else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor))
          broken.push(`${target} (no heading #${anchor})`)
      }
      assert.deepEqual(broken, [])
    })
  }
})

describe('docs: element reference', () => {
  it('docs/elements.md is what npm run docs:elements writes from the current build', () => {
    const committed = readFileSync(REFERENCE_PATH, 'utf8')
    const generated = elementReference(readManifest())
    // The script runs Prettier over its output; compare the tables' content, not their padding.
    const normalise = (s: string) =>
      s
        .split('\n')
        .map((l) =>
          l
            .replace(/ +/g, ' ')
            .replace(/\| -+ /g, '| --- ')
            .replace(/-+ \|/g, '--- |'),
        )
        .map((l) => l.replace(/\| ---+/g, '| ---').trim())
        .filter(Boolean)
        .join('\n')
    assert.equal(normalise(committed), normalise(generated))
  })
})

describe('docs: operators commands', () => {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
  ).scripts
  const cliFlags = new Set(
    [
      ...readFileSync(join(ROOT, 'lake', 'cli', 'args.ts'), 'utf8').matchAll(
        /^\s+'?([a-z-]+)'?: \{type:/gm,
      ),
    ].map((m) => m[1]),
  )
  const commands = fencesOf(join(DOCS, 'operators.md'))
    .filter((f) => f.lang === 'sh' && !f.skipped)
    .flatMap((f) =>
      f.body.split('\n').map((text, i) => ({text: text.trim(), line: f.line + 1 + i})),
    )
    .filter((c) => c.text && !c.text.startsWith('#'))
  it('operators.md has commands to check', () => assert.ok(commands.length >= 5))
  for (const {text, line} of commands) {
    it(`operators.md:${line} ${text}`, () => {
      for (const [, script] of text.matchAll(/npm (?:run )?([\w:-]+)/g))
        if (script !== 'install' && script !== 'test' && script !== 'start')
          assert.ok(scripts[script!], `no npm script "${script}"`)
      if (/npm run lake/.test(text))
        for (const [, flag] of text.matchAll(/--([a-z][a-z-]*)/g))
          assert.ok(cliFlags.has(flag), `the lake CLI has no --${flag}`)
    })
  }

  // Commands with nothing left to fill in (no <placeholder>, [option] or a|b) that work on the data
  // folder are run for real, in order, against a sample lake's folder in a temp directory.
  const runnable = commands.filter(
    (c) =>
      /^npm run lake[\w:-]* /.test(c.text) &&
      /--dir \.lake\b/.test(c.text) &&
      !/[<[|]/.test(c.text),
  )
  it('operators.md: the concrete lake commands run against a temp lake folder', async () => {
    assert.ok(runnable.length >= 2, 'no runnable lake commands found')
    const dir = mkdtempSync(join(tmpdir(), 'ck-docs-ops-'))
    try {
      const lake = await startLake({
        port: 0,
        dir: join(dir, '.lake'),
        seed: SAMPLE_PATH,
        quiet: true,
      })
      await lake.close()
      for (const {text, line} of runnable) {
        const [, script, args] = /^npm run ([\w:-]+) -- (.*)$/.exec(text)!
        const argv = args!.split(/\s+/)
        // Run from the temp folder's point of view: `.lake` and relative files live there.
        const resolved = argv.map((a) =>
          a === '.lake' || a.endsWith('.ndjson') ? join(dir, a) : a,
        )
        const tsx = join(ROOT, 'node_modules', '.bin', 'tsx')
        const sub = (
          JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
            scripts: Record<string, string>
          }
        ).scripts[script!]!.replace(/^tsx /, '')
        const [entry, ...fixed] = sub.split(' ')
        try {
          execFileSync(tsx, [join(ROOT, entry!), ...fixed, ...resolved], {cwd: ROOT, stdio: 'pipe'})
        } catch (error) {
          const e = error as {stderr?: Buffer; stdout?: Buffer}
          assert.fail(
            `operators.md:${line} failed: ${String(e.stderr ?? '')}${String(e.stdout ?? '')}`,
          )
        }
      }
      assert.ok(existsSync(join(dir, 'backup.ndjson')), 'the export wrote no backup')
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('docs: HTML snippets render against a real lake', () => {
  let demo: DemoSession
  before(async () => {
    demo = await openDemo()
  })
  after(async () => {
    await demo?.close()
  })

  /** The snippet as the docs say to run it locally: scripts from the lake's /dist, content from the lake. */
  function local(snippet: string): string {
    const url = demo.lake.url
    let html = snippet
      .replace(/src="[^"]*\/([\w-]+\.iife\.js)"/g, `src="${url}/dist/$1"`)
      .replace(/api-host="hosted"/g, `api-host="${url}"`)
      .replace(/project-id="your-project"/g, 'project-id="clinickit"')
    if (!/\.iife\.js"/.test(html))
      html = `<script src="${url}/dist/clinic-kit.iife.js"></script>\n${html}`
    // Scripts built without SANITY_API_HOST read the lake at 127.0.0.1:3030; this one has its own port.
    if (!/<ck-config/.test(html)) html = `<ck-config api-host="${url}"></ck-config>\n${html}`
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${html}</body></html>`
  }

  const snippets = DOC_FILES.flatMap(fencesOf).filter((f) => f.lang === 'html' && !f.skipped)
  it('the docs have HTML snippets to run', () => assert.ok(snippets.length >= 4))
  for (const snippet of snippets) {
    it(`${relative(ROOT, snippet.file)}:${snippet.line} shows content with no console error`, async () => {
      const page = await demo.browser.newPage()
      const errors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      page.on('pageerror', (e) => errors.push(e.message))
      await page.route('**/docs-snippet.html', (route) =>
        route.fulfill({contentType: 'text/html', body: local(snippet.body)}),
      )
      await page.goto(`${demo.lake.url}/docs-snippet.html`)
      await waitForContent(page)
      const shown = await page.evaluate(
        (tags) =>
          [...document.querySelectorAll(tags)].map((el) => ({
            tag: el.localName,
            error: Boolean(el.shadowRoot?.querySelector('[part~="retry"]')),
            // Content, not a message: questions, an article's title or a clinician's card.
            content: Boolean(
              el.shadowRoot?.querySelector('[part~="questions"], [part~="title"], [part~="card"]'),
            ),
          })),
        WIDGET_TAGS,
      )
      assert.ok(shown.length > 0, 'the snippet shows no clinic-kit element')
      for (const el of shown) {
        assert.equal(el.error, false, `<${el.tag}> shows its error state`)
        assert.ok(el.content, `<${el.tag}> shows no content (only a message)`)
      }
      assert.deepEqual(errors, [])
      await page.close()
    })
  }

  it('the demo page (screenshot for the guides when CK_UPDATE_DOCS=1)', async () => {
    const page = await demo.browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto(`${demo.lake.url}/demo/`)
    await waitForContent(page)
    await docsScreenshot(page, 'demo.png')
    await page.close()
  })
})
