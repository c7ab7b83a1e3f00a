// The importer against a real lake, through the command's own entry point and @sanity/client:
// drafts pass the schema's validation (all but the missing review), a dry run writes nothing,
// a second run changes nothing, and a published document is never written.
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {after, before, describe, it} from 'node:test'
import type {SanityDocument} from 'sanity'
import {SEED_PATH} from '../../content/build'
import {runImportCli, type CliIo} from '../../importer/cli'
import {validateDocuments} from '../../content/validate'
import {NEEDS_REVIEW_FILTER, needsReviewParams} from '../../studio/structure'
import {startValidationHarness, type ValidationHarness} from '../helpers/validation'
import {FIXTURES} from './helpers'

let h: ValidationHarness
let env: NodeJS.ProcessEnv
let scratch: string

before(async () => {
  h = await startValidationHarness()
  const {apiHost, token} = h.client.config()
  env = {SANITY_API_HOST: apiHost, SANITY_API_TOKEN: token}
  scratch = mkdtempSync(join(tmpdir(), 'ck-import-'))
})
after(async () => {
  await h?.close()
  rmSync(scratch, {recursive: true, force: true})
})

async function run(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {out: (t) => out.push(t), err: (t) => err.push(t), env}
  const code = await runImportCli(args, io)
  return {code, out: out.join('\n'), err: err.join('\n')}
}

const imported = () =>
  h.client.fetch<SanityDocument[]>(
    `*[defined(importedFrom)] | order(_id asc)`,
    {},
    {perspective: 'raw'},
  )

const seed = relative(process.cwd(), SEED_PATH)

describe('npm run import against the lake', () => {
  it('writes nothing in a dry run, and prints the plan', async () => {
    const result = await run(FIXTURES, seed, '--dry-run')
    assert.equal(result.code, 0, result.err)
    assert.deepEqual(await imported(), [])
    assert.match(result.out, /would be created +article/)
    assert.match(result.out, /Dry run: nothing was written\./)
    assert.match(
      result.out,
      /Summary: 7 articles, 9 FAQs, 2 images \(2 to upload, 0 already there\)/,
    )
  })

  it('imports every fixture and the seed as drafts that fail validation only for the missing review', async () => {
    const result = await run(FIXTURES, seed)
    assert.equal(result.code, 0, result.err)
    assert.match(result.out, /16 created, 0 updated, 0 unchanged/)
    const docs = await imported()
    assert.equal(docs.length, 16)
    assert.ok(docs.every((doc) => doc._id.startsWith('drafts.') && !doc.medicalReview))
    const problems = await validateDocuments(docs, h.workspace)
    const errors = problems.filter((p) => p.level === 'error')
    const notReviewed = errors.filter((p) => p.path === 'medicalReview')
    assert.deepEqual(
      [...new Set(notReviewed.map((p) => p.message))],
      [
        'Not reviewed: a clinician must approve this text before it can be published. Request a review.',
      ],
    )
    assert.equal(notReviewed.length, docs.length, 'each draft lacks its review')
    // The only other error is the schema's publishing order: an article's related questions
    // (its new FAQ drafts) must be published before it.
    const others = errors.filter((p) => p.path !== 'medicalReview')
    const faqIds = new Set(docs.filter((d) => d._type === 'faq').map((d) => d._id.slice(7)))
    assert.ok(others.length > 0)
    for (const p of others) {
      assert.match(p.path, /^relatedFaqs\[_key=="[0-9a-f]{12}"\]$/)
      assert.equal(p.message, 'Referenced document must be published')
    }
    const related = docs.flatMap((d) => (d.relatedFaqs ?? []) as Array<{_ref: string}>)
    assert.equal(others.length, related.length)
    assert.ok(related.every((ref) => faqIds.has(ref._ref)))
  })

  it('lets an article pass once its FAQs are published', async () => {
    const docs = await imported()
    const article = docs.find((d) => d.title === 'Understanding Sciatica')!
    const refs = (article.relatedFaqs as Array<{_ref: string}>).map((r) => r._ref)
    const publish = h.client.transaction()
    for (const faq of docs.filter((d) => refs.includes(d._id.slice(7))))
      publish.createOrReplace({...faq, _id: faq._id.slice(7)}).delete(faq._id)
    await publish.commit()
    const errors = (await validateDocuments([article], h.workspace)).filter(
      (p) => p.level === 'error',
    )
    assert.deepEqual(
      errors.map((p) => p.path),
      ['medicalReview'],
    )
  })

  it('uploads local images as assets and keeps their alt text', async () => {
    const article = (await imported()).find((doc) => doc.title === 'Botox for Chronic Migraine')!
    const images = (
      article.body as Array<{_type: string; alt?: string; asset?: {_ref: string}}>
    ).filter((block) => block._type === 'image')
    assert.equal(images[0]?.alt, 'Injection sites around the forehead, temples and neck')
    const assets = await h.client.fetch<string[]>(
      `*[_type == "sanity.imageAsset" && _id in $ids]._id`,
      {
        ids: images.map((i) => i.asset?._ref),
      },
    )
    assert.equal(assets.length, 2)
  })

  it('lists the drafts under "Needs medical review"', async () => {
    const listed = await h.client.fetch<string[]>(
      `*[${NEEDS_REVIEW_FILTER} && defined(importedFrom)]._id`,
      needsReviewParams(),
      {perspective: 'raw'},
    )
    assert.equal(listed.length, 16)
  })

  it('changes nothing when the same sources are imported again', async () => {
    const before = (await imported()).map((doc) => `${doc._id}@${doc._rev}`)
    const result = await run(FIXTURES, seed)
    assert.equal(result.code, 0, result.err)
    assert.match(result.out, /0 created, 0 updated, 16 unchanged/)
    assert.match(result.out, /Nothing to write/)
    assert.match(result.out, /2 images \(0 uploaded, 2 already there\)/)
    assert.deepEqual(
      (await imported()).map((doc) => `${doc._id}@${doc._rev}`),
      before,
    )
  })

  it('never writes a published document: only its draft, and only when the source changed', async () => {
    const file = join(scratch, 'knee-pain.txt')
    writeFileSync(file, 'Knee Pain\n\nMost knee pain gets better with rest and ice.\n')
    const name = relative(process.cwd(), file)
    assert.equal((await run(name)).code, 0)
    const [draft] = (await imported()).filter((d) => d.title === 'Knee Pain')
    // An editor publishes it (after review).
    const id = draft!._id.replace('drafts.', '')
    const {_rev: _r, ...fields} = draft!
    await h.client
      .transaction()
      .createOrReplace({...fields, _id: id})
      .delete(draft!._id)
      .commit()
    const published = await h.client.getDocument(id)

    const same = await run(name)
    assert.match(same.out, /unchanged +article .*\(published version left as it is\)/)
    assert.equal(await h.client.getDocument(`drafts.${id}`), undefined)

    writeFileSync(
      file,
      'Knee Pain\n\nMost knee pain gets better with rest, ice and gentle exercise.\n',
    )
    const changed = await run(name)
    assert.match(changed.out, /updated +article .*\(published version left as it is\)/)
    const newDraft = await h.client.getDocument(`drafts.${id}`)
    assert.match(JSON.stringify(newDraft?.body), /gentle exercise/)
    assert.equal(newDraft?.medicalReview, undefined)
    assert.deepEqual(await h.client.getDocument(id), published)

    // The editor adds to the draft; a later change of the source updates the imported fields only.
    await h.client
      .patch(`drafts.${id}`)
      .set({seo: {_type: 'seo', title: 'Knee pain help'}})
      .commit()
    writeFileSync(
      file,
      'Knee Pain\n\nMost knee pain gets better with rest, ice and a knee brace.\n',
    )
    assert.match((await run(name)).out, /updated +article/)
    const updated = await h.client.getDocument(`drafts.${id}`)
    assert.match(JSON.stringify(updated?.body), /knee brace/)
    assert.deepEqual(updated?.seo, {_type: 'seo', title: 'Knee pain help'})
    assert.deepEqual(await h.client.getDocument(id), published)
  })
})

describe('exit codes', () => {
  it('exits 2 without paths, and 1 when nothing could be imported', async () => {
    assert.equal((await run()).code, 2)
    writeFileSync(join(scratch, 'empty.txt'), '\n')
    const empty = await run(relative(process.cwd(), join(scratch, 'empty.txt')), 'no/such/folder')
    assert.equal(empty.code, 1)
    assert.match(empty.out, /unreadable \(1\)[\s\S]*no\/such\/folder: No such file or folder\./)
    assert.match(empty.err, /nothing could be imported/)
  })

  it('npm run import and npm run lake -- import-articles run the same command', async () => {
    const spawnCli = (args: string[]) =>
      new Promise<{code: number | null; out: string}>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
          env: {...process.env, ...env},
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
        child.on('exit', (code) => resolve({code, out}))
      })
    const [direct, viaLake] = await Promise.all([
      spawnCli(['importer/cli.ts', seed, '--dry-run']),
      spawnCli(['scripts/lake.ts', 'serve', 'import-articles', join(scratch, 'empty.txt')]),
    ])
    assert.equal(direct.code, 0, direct.out)
    assert.match(direct.out, /unchanged +faq/)
    assert.equal(viaLake.code, 1, viaLake.out)
    assert.match(viaLake.out, /nothing could be imported/)
  })
})
