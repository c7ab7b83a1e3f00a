// The Studio Import tool's own rules: which files it reads, how warnings are grouped, who may
// create drafts, and that the converter gives the same drafts with the browser's DOMParser (jsdom's
// implementation of it here) as the command line does with jsdom.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {before, describe, it} from 'node:test'
import {JSDOM} from 'jsdom'
import type {CurrentUser} from 'sanity'
import {SEED_PATH} from '../content/build'
import {convertSource, planMutations} from '../importer'
import {browserContext} from '../studio/import/browserContext'
import {canCreateDrafts} from '../studio/import/roles'
import {
  ACCEPTED_EXTENSIONS,
  fileKind,
  groupWarnings,
  pastedKind,
  pastedSource,
  WARNING_LABELS,
} from '../studio/import/sources'
import {FIXTURES, ctx as nodeCtx, NOW, SAMPLE_TOPICS} from './import/helpers'

const HOSTILE = `<h1>Migraine care</h1>
<p>Our team treats chronic migraines.</p>
<script>document.title = 'owned'</script>
<p>Read <a href="javascript:alert(1)">this link</a> and <a href="https://example.org/">that one</a>.</p>
<iframe src="https://example.org/embed"></iframe>
<table><tr><td>Dose</td></tr></table>
<img src="photo.jpg">`

before(() => {
  // The browser's DOMParser, as jsdom implements it.
  globalThis.DOMParser = new JSDOM('').window.DOMParser
})

const browser = () => ({...browserContext({topics: SAMPLE_TOPICS}), now: NOW})

describe('files the Import tool reads', () => {
  it('knows each kind by its extension, whatever its case', () => {
    assert.deepEqual(
      ['a.html', 'b.HTM', 'c.md', 'd.markdown', 'e.txt', 'f.xml'].map((name) => fileKind(name)),
      [
        {kind: 'html'},
        {kind: 'html'},
        {kind: 'markdown'},
        {kind: 'markdown'},
        {kind: 'text'},
        {kind: 'wxr'},
      ],
    )
    assert.deepEqual(ACCEPTED_EXTENSIONS, ['.html', '.htm', '.md', '.markdown', '.txt', '.xml'])
  })

  it('says which files it reads when given another kind', () => {
    for (const name of ['report.pdf', 'article.docx', 'no-extension']) {
      const result = fileKind(name)
      assert.ok('error' in result, name)
      assert.match(result.error, new RegExp(`“${name}” is not a file the import reads`))
      assert.match(result.error, /\.html.*\.md.*\.txt.*\.xml/)
    }
  })
})

describe('the format of a pasted text', () => {
  it('reads the seed as plain text, Markdown by its marks, HTML and WordPress exports by their start', () => {
    assert.equal(pastedKind(readFileSync(SEED_PATH, 'utf8')), 'text')
    assert.equal(pastedKind('# Migraine in children\n\nMost children grow out of it.'), 'markdown')
    assert.equal(pastedKind('Migraine\n\nSee [the NHS page](https://www.nhs.uk/).'), 'markdown')
    assert.equal(pastedKind('Migraine\n\n- Rest\n- Water\n'), 'markdown')
    assert.equal(pastedKind('Migraine\n\nA single - dash is not a list.'), 'text')
    assert.equal(pastedKind('<p>Migraine</p>'), 'html')
    assert.equal(pastedKind(readFileSync(join(FIXTURES, 'clinic-export.xml'), 'utf8')), 'wxr')
  })

  it('keeps the format the editor picked', () => {
    assert.equal(pastedSource('# Not a heading', 'text').kind, 'text')
    assert.equal(pastedSource('# A heading').kind, 'markdown')
  })

  it('converts pasted Markdown to headings and FAQs, not to plain paragraphs', async () => {
    const text = readFileSync(join(FIXTURES, 'headaches-in-children.md'), 'utf8')
    const plan = await convertSource(pastedSource(text), browser())
    const body = plan.articles[0]!.body as Array<{style?: string}>
    assert.ok(
      body.some((block) => block.style === 'h2'),
      'a heading',
    )
    assert.ok(plan.faqs.length > 0)
  })
})

describe('warnings by kind', () => {
  it('groups them in the listed order, with a label for every kind, leaving out empty kinds', () => {
    const groups = groupWarnings([
      {kind: 'image-remote', message: 'a', source: 's'},
      {kind: 'element-dropped', message: 'b', source: 's'},
      {kind: 'image-remote', message: 'c', source: 's'},
    ])
    assert.deepEqual(
      groups.map((g) => [g.kind, g.warnings.map((w) => w.message)]),
      [
        ['element-dropped', ['b']],
        ['image-remote', ['a', 'c']],
      ],
    )
    assert.equal(groups[0]!.label, WARNING_LABELS['element-dropped'])
  })
})

describe('who may create drafts', () => {
  const user = (...roles: string[]) =>
    ({
      id: 'u',
      name: 'U',
      email: 'u@example.test',
      roles: roles.map((name) => ({name, title: name})),
    }) as CurrentUser
  it('editors, contributors, reviewers and administrators; not viewers or no one', () => {
    for (const role of ['administrator', 'editor', 'contributor', 'medicalReviewer'])
      assert.equal(canCreateDrafts(user(role)), true, role)
    assert.equal(canCreateDrafts(user('viewer')), false)
    assert.equal(canCreateDrafts(null), false)
  })
})

describe('the converter with the browser context', () => {
  it('gives the pasted seed text the same drafts as the command line gives it', async () => {
    const text = readFileSync(SEED_PATH, 'utf8')
    const inBrowser = await convertSource(pastedSource(text), browser())
    const inNode = await convertSource(pastedSource(text), nodeCtx)
    assert.ok(inBrowser.articles.length === 1 && inBrowser.faqs.length > 0)
    assert.deepEqual(
      inBrowser.articles,
      inNode.articles.map((a) => ({...a, sources: inBrowser.articles[0]!.sources})),
    )
    assert.deepEqual(
      inBrowser.faqs.map((f) => [f._id, f.question]),
      inNode.faqs.map((f) => [f._id, f.question]),
    )
  })

  it('pasting the same text again plans nothing new: same ids, every draft unchanged', async () => {
    const text = readFileSync(SEED_PATH, 'utf8')
    const first = await convertSource(pastedSource(text), browser())
    const again = await convertSource(pastedSource(text), {
      ...browser(),
      now: '2027-01-01T00:00:00.000Z',
    })
    const existing = new Map(
      [...first.articles, ...first.faqs].map((d) => [
        d._id,
        {...d, _rev: 'r1'} as Record<string, unknown>,
      ]),
    )
    const {mutations, changes} = planMutations(again, existing)
    assert.equal(mutations.length, 0)
    assert.deepEqual(new Set(changes.map((c) => c.change)), new Set(['unchanged']))
  })

  it('makes hostile HTML inert and reports what it dropped and the page’s local image', async () => {
    const plan = await convertSource(pastedSource(HOSTILE), browser())
    const body = JSON.stringify(plan.articles[0]!.body)
    assert.doesNotMatch(body, /javascript:|owned|<script/)
    assert.match(body, /this link/)
    const kinds = new Set(plan.warnings.map((w) => w.kind))
    for (const kind of ['element-dropped', 'link-removed', 'image-not-found'] as const)
      assert.ok(kinds.has(kind), `${kind} in ${[...kinds].join(', ')}`)
  })

  it('reports a WordPress export that is not well-formed XML as unreadable', async () => {
    const plan = await convertSource(
      {name: 'export.xml', text: '<?xml version="1.0"?><rss><channel>', kind: 'wxr'},
      browser(),
    )
    assert.equal(plan.articles.length, 0)
    assert.deepEqual(
      plan.warnings.map((w) => w.kind),
      ['unreadable'],
    )
  })
})
