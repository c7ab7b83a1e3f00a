// The converter on its own: each format's fixture becomes our blocks, question headings become
// FAQs, hostile markup becomes inert text, and converting twice gives the same documents.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {describe, it} from 'node:test'
import {parseSeedArticle} from '../../content/seedArticle'
import {SEED_PATH} from '../../content/build'
import {convertSource, type ImportPlan} from '../../importer'
import {convertFile, ctx, FIXTURES, outline, seedSource} from './helpers'

const kinds = (plan: ImportPlan) => plan.warnings.map((w) => w.kind)
const hrefs = (plan: ImportPlan) =>
  JSON.stringify([...plan.articles, ...plan.faqs]).match(/"href":"[^"]*"/g) ?? []

describe('plain text in the seed’s shape', () => {
  it('keeps the seed’s title, paragraphs and headings, as the sample builder reads them', async () => {
    const plan = await convertSource(seedSource(), ctx)
    const [article] = plan.articles
    const seed = parseSeedArticle(readFileSync(SEED_PATH, 'utf8'), 'seed')
    assert.equal(plan.articles.length, 1)
    assert.equal(article!.title, seed.title)
    assert.deepEqual(
      outline(article!.body),
      seed.body.map((b) => `${b.style}: ${b.children.map((c) => c.text).join('')}`),
    )
    assert.ok(outline(article!.body).includes('h2: What Type of Headaches Can Botox Help?'))
  })

  it('turns its question heading into a draft FAQ answered by the text under it', async () => {
    const plan = await convertSource(seedSource(), ctx)
    assert.deepEqual(
      plan.faqs.map((f) => f.question),
      ['What Type of Headaches Can Botox Help?'],
    )
    const [faq] = plan.faqs
    assert.match(faq!._id, /^drafts\.faq-import-[0-9a-f]{20}$/)
    assert.deepEqual(outline(faq!.answer), [
      'normal: Chronic migraines are the worse kind of headaches. They can get so painful that they become debilitating, profoundly affecting your quality of life.',
      'normal: Chronic migraines are when you experience migraine symptoms two weeks or more out of the month. If you suffer from chronic migraines, you can get Botox injections to prevent attacks from occurring.',
    ])
    const related = (plan.articles[0]!.relatedFaqs as Array<{_ref: string; _weak: boolean}>)[0]
    assert.equal(related?._ref, faq!._id.replace('drafts.', ''))
    assert.equal(related?._weak, true)
    assert.equal(faq!.category, 'treatments')
  })

  it('suggests the conditions and treatments the text names', async () => {
    const plan = await convertSource(seedSource(), ctx)
    const refs = (field: string) =>
      ((plan.articles[0]![field] ?? []) as Array<{_ref: string}>).map((r) => r._ref)
    assert.deepEqual(refs('conditions').sort(), [
      'condition-chronic-migraine',
      'condition-headache-disorders',
    ])
    assert.deepEqual(refs('treatments'), ['treatment-botox-chronic-migraine'])
    assert.ok(plan.suggestions.some((s) => s.matched.toLowerCase() === 'chronic migraines'))
  })

  it('marks everything as an unreviewed draft that records its source', async () => {
    const plan = await convertSource(seedSource(), ctx)
    for (const doc of [...plan.articles, ...plan.faqs]) {
      assert.ok(doc._id.startsWith('drafts.'))
      assert.equal(doc.medicalReview, undefined)
      assert.deepEqual(doc.importedFrom, {
        _type: 'importSource',
        source: 'seed/prevent-headaches.txt',
        format: 'text',
        importedAt: '2026-12-01T12:00:00.000Z',
      })
    }
  })

  it('gives the same documents on every run, and other ids for another source', async () => {
    const first = await convertSource(seedSource(), ctx)
    const again = await convertSource(seedSource(), ctx)
    assert.deepEqual(again, first)
    const elsewhere = await convertSource({...seedSource(), name: 'other/place.txt'}, ctx)
    assert.notEqual(elsewhere.articles[0]!._id, first.articles[0]!._id)
  })
})

describe('one import of several sources', () => {
  it('gives pages with the same title different slugs', async () => {
    const usedSlugs = new Set<string>()
    const slugOf = async (name: string, text: string) =>
      (
        (await convertSource({name, text}, {...ctx, usedSlugs})).articles[0]!.slug as {
          current: string
        }
      ).current
    assert.equal(
      await slugOf('a/knee.txt', 'Knee Pain\n\nRest helps most knee pain.\n'),
      'knee-pain',
    )
    assert.equal(await slugOf('b/knee.txt', 'Knee Pain\n\nIce helps too.\n'), 'knee-pain-2')
  })
})

describe('a WordPress page with its theme around the article', () => {
  const file = join(FIXTURES, 'wordpress/botox-for-migraine.html')

  it('keeps the article and leaves out navigation, cookie banner, comments, sidebar and footer', async () => {
    const plan = await convertFile(file)
    const [article] = plan.articles
    assert.equal(article!.title, 'Botox for Chronic Migraine')
    assert.equal(
      article!.summary,
      'How Botox injections help prevent chronic migraine, who they suit, and what a visit looks like at our clinic.',
    )
    const text = JSON.stringify(article!.body)
    for (const chrome of [
      'Skip to content',
      'cookies',
      'Contact us',
      'Great article',
      'Recent Posts',
      'All rights reserved',
      'Share this',
      'Posted on',
      'Posted in',
    ])
      assert.ok(!text.includes(chrome), `"${chrome}" should not be in the body`)
    assert.deepEqual(
      outline(article!.body).filter((line) => /^h\d/.test(line)),
      [
        'h2: What is chronic migraine?',
        'h2: How Does Botox Help?',
        'h3: What to expect at your visit',
        'h2: Our team',
      ],
    )
    assert.ok(outline(article!.body).includes('bullet: The visit takes about 20 minutes.'))
  })

  it('keeps bold, italic and web, email and phone links', async () => {
    const plan = await convertFile(file)
    const body = plan.articles[0]!.body as Array<{
      children?: Array<{text: string; marks: string[]}>
    }>
    const marked = body.flatMap((b) => b.children ?? []).filter((c) => c.marks.length > 0)
    assert.ok(marked.some((c) => c.text === 'approved treatment' && c.marks.includes('strong')))
    assert.ok(marked.some((c) => c.text === 'chronic migraine' && c.marks.includes('em')))
    assert.deepEqual(hrefs({...plan, faqs: []}), [
      '"href":"https://www.fda.gov/news-events/press-announcements"',
      '"href":"mailto:info@alliedpain.example"',
      '"href":"tel:+15555550100"',
    ])
  })

  it('plans its local images with their alt text, and reports the remote one and the missing alt', async () => {
    const plan = await convertFile(file)
    assert.deepEqual(
      plan.assets.map((a) => a.path),
      [
        join(dirname(file), 'images/injection-sites.png'),
        join(dirname(file), 'images/clinic-room.png'),
      ],
    )
    const images = (
      plan.articles[0]!.body as Array<{_type: string; alt?: string; asset?: {_ref: string}}>
    ).filter((b) => b._type === 'image')
    assert.equal(images[0]?.alt, 'Injection sites around the forehead, temples and neck')
    assert.equal((images[0] as {caption?: string}).caption, 'Where the injections are given.')
    assert.ok(!outline(plan.articles[0]!.body).includes('normal: Where the injections are given.'))
    assert.equal(images[0]?.asset?._ref, plan.assets[0]!.ref)
    assert.equal(images.length, 2)
    assert.deepEqual(kinds(plan).sort(), ['image-no-alt', 'image-remote'])
    assert.match(plan.warnings.find((w) => w.kind === 'image-remote')!.message, /doctor\.jpg/)
  })

  it('takes the featured image in the entry header as the main image, not as a body image', async () => {
    const plan = await convertFile(file)
    const article = plan.articles[0]!
    const clinicRoom = plan.assets.find((a) => a.path.endsWith('images/clinic-room.png'))!
    assert.deepEqual(article.heroImage, {
      _type: 'image',
      asset: {_type: 'reference', _ref: clinicRoom.ref},
      alt: 'A treatment room at the clinic',
    })
    assert.ok(clinicRoom.documents.includes(article._id))
    assert.ok(!JSON.stringify(article.body).includes('A treatment room at the clinic'))
  })

  it('reports a featured image it cannot import as the main image', async () => {
    const page = (
      src: string,
    ) => `<html><body><header class="site-header"><img src="logo.png"></header>
      <main><article><header class="entry-header"><h1>Knee pain</h1>
      <img src="${src}" class="wp-post-image" alt="A knee"></header>
      <div class="entry-content"><p>Most knee pain gets better with rest, ice and time.</p></div>
      </article></main></body></html>`
    const remote = await convertSource(
      {name: 'knee.html', text: page('https://old.example/knee.jpg')},
      ctx,
    )
    assert.equal(remote.articles[0]!.heroImage, undefined)
    assert.deepEqual(
      remote.warnings.map((w) => [w.kind, w.message]),
      [
        [
          'image-remote',
          'Main image (the page’s featured image): Remote image not imported: https://old.example/knee.jpg',
        ],
      ],
    )
    const missing = await convertSource({name: 'old/knee.html', text: page('img/knee.jpg')}, ctx)
    assert.deepEqual(
      missing.warnings.map((w) => [w.kind, w.message]),
      [
        [
          'image-not-found',
          'Main image (the page’s featured image): Image file not found: old/img/knee.jpg',
        ],
      ],
    )
  })

  it('makes FAQs of its question headings, answered up to the next heading of the same level', async () => {
    const plan = await convertFile(file)
    const questions = plan.faqs.map((f) => f.question)
    assert.deepEqual(questions, [
      'What is chronic migraine?',
      'How Does Botox Help?',
      'What to expect at your visit?',
    ])
    const how = plan.faqs[1]!
    assert.deepEqual(outline(how.answer).slice(0, 3), [
      'normal: A doctor gives several small injections around the head and neck about every 12 weeks. Many patients have fewer headache days after two or three treatments.',
      'normal: What to expect at your visit',
      'bullet: The visit takes about 20 minutes.',
    ])
    assert.ok(!outline(how.answer).some((line) => line.includes('Our team')))
    // The article keeps its text and links each FAQ.
    assert.equal((plan.articles[0]!.relatedFaqs as unknown[]).length, 3)
  })
})

describe('a page builder’s nested divs (Elementor, Wix)', () => {
  it('finds the text however deep it is nested, splits <br><br> paragraphs and maps heading levels', async () => {
    const plan = await convertFile(join(FIXTURES, 'builder/elementor-neck-pain.html'))
    const [article] = plan.articles
    assert.equal(article!.title, 'Neck Pain Relief')
    assert.deepEqual(outline(article!.body), [
      'normal: Neck pain is one of the most common reasons people see a pain specialist. Most neck pain gets better on its own within a few weeks.',
      'normal: Our team can help when it does not get better, or when it keeps coming back.',
      'h4: When should I see a doctor about neck pain?',
      'normal: See a doctor if the pain lasts more than six weeks, spreads into your arms, or comes with numbness or weakness.',
      'normal: Call 911 if neck pain follows an injury or comes with a fever and a stiff neck.',
      'h2: Treatments we offer',
      'number: Physical therapy',
      'number: Nerve blocks',
      'number: Radiofrequency ablation',
    ])
    assert.ok(!JSON.stringify(article).includes('cookies'))
    assert.deepEqual(kinds(plan), ['element-dropped'])
    assert.match(plan.warnings[0]!.message, /table/)
    assert.deepEqual(
      plan.faqs.map((f) => f.question),
      ['When should I see a doctor about neck pain?'],
    )
  })
})

describe('Markdown with front matter', () => {
  it('takes title, description and tags from the front matter', async () => {
    const plan = await convertFile(join(FIXTURES, 'headaches-in-children.md'))
    const [article] = plan.articles
    assert.equal(article!.title, 'Headaches in Children')
    assert.equal(
      article!.summary,
      'Most headaches in children are not serious. Learn the warning signs that mean your child should see a doctor.',
    )
    assert.deepEqual(
      (article!.conditions as Array<{_ref: string}>).map((r) => r._ref),
      ['condition-headache-disorders'],
    )
    assert.deepEqual(
      plan.warnings.map((w) => w.message),
      ['Tag "Pediatrics" names no condition or treatment in the dataset.'],
    )
    assert.deepEqual((article!.importedFrom as {sourceDate?: string}).sourceDate, '2024-02-01')
    const lines = outline(article!.body)
    assert.equal(
      lines[0],
      'normal: Headaches are common in children and teenagers. Most are caused by colds, lack of sleep or not drinking enough water.',
    )
    assert.ok(lines.includes('h4: Can children get migraines?'), 'h5 becomes h4')
    assert.ok(lines.includes('bullet: wakes your child up at night,'))
    assert.deepEqual(
      plan.faqs.map((f) => f.question),
      ['When should my child see a doctor?', 'Can children get migraines?'],
    )
  })
})

describe('a WordPress export (WXR)', () => {
  it('imports each post and page, and reports the attachment and the binned post', async () => {
    const plan = await convertFile(join(FIXTURES, 'clinic-export.xml'))
    assert.deepEqual(
      plan.articles.map((a) => a.title),
      ['Understanding Sciatica', 'Preparing for Your First Visit'],
    )
    assert.deepEqual(outline(plan.articles[0]!.body), [
      'normal: Sciatica is pain that travels along the sciatic nerve, from the lower back down one leg.',
      'normal: It usually gets better within four to six weeks with rest, gentle movement and pain relief.',
      'h2: What causes sciatica?',
      'normal: Most often a slipped (herniated) disc presses on the nerve root. Less often, a narrowing of the spine is the cause.',
    ])
    assert.equal(
      plan.articles[1]!.summary,
      'What to bring and what to expect at your first appointment.',
    )
    assert.equal(
      (plan.articles[0]!.importedFrom as {source: string}).source,
      'https://alliedpain.example/understanding-sciatica/',
    )
    assert.equal(
      (plan.articles[0]!.sources as Array<{url?: string}>)[0]?.url,
      'https://alliedpain.example/understanding-sciatica/',
    )
    assert.deepEqual(
      plan.warnings.filter((w) => w.kind === 'item-skipped').map((w) => w.message),
      [
        'Not a post or page, or in the bin: spine-model.jpg (attachment, inherit)',
        'Not a post or page, or in the bin: Old Holiday Hours (post, trash)',
      ],
    )
    assert.deepEqual(
      plan.faqs.map((f) => [f.question, f.category]),
      [
        ['What causes sciatica?', 'conditions'],
        ['Do I need a referral?', 'appointments'],
      ],
    )
  })
})

describe('hostile markup', () => {
  it('becomes inert text: no scripts, handlers, frames, forms or unsafe links survive', async () => {
    const plan = await convertFile(join(FIXTURES, 'hostile.html'))
    const json = JSON.stringify([...plan.articles, ...plan.faqs])
    for (const banned of [
      "alert('inline')",
      'onload',
      'onclick',
      'onerror',
      'evil.example',
      'Card number',
      'svg text',
      'display:none',
      'stolen',
      'javascript',
      'vbscript',
      'data:text',
    ])
      assert.ok(!json.toLowerCase().includes(banned.toLowerCase()), `${banned} survived`)
    assert.deepEqual(hrefs(plan), [])
    assert.deepEqual(outline(plan.articles[0]!.body), [
      'normal: Common migraine triggers include stress, missed meals and poor sleep.',
      'normal: Keep a diary here, or there, or this, or that, or spaced.',
      "normal: Your doctor can help you find your own triggers. <script>alert('escaped')</script> is shown as text.",
    ])
    const report = (kind: string) => plan.warnings.filter((w) => w.kind === kind).length
    assert.equal(report('link-removed'), 5)
    assert.equal(report('element-dropped'), 4, 'script, iframe, form, object')
    assert.equal(report('image-remote'), 1, 'javascript: image source')
  })

  it('reports a source it cannot read instead of failing', async () => {
    const plan = await convertSource({name: 'broken.xml', text: '<rss><channel><item>'}, ctx)
    assert.equal(plan.articles.length, 0)
    assert.deepEqual(kinds(plan), ['unreadable'])
    const empty = await convertSource({name: 'empty.txt', text: '\n\n'}, ctx)
    assert.equal(empty.articles.length, 0)
    assert.ok(kinds(empty).includes('no-content'))
  })
})

describe('the converter core', () => {
  it('imports neither Node modules nor jsdom, so a browser can run it', () => {
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      const source = readFileSync(file, 'utf8')
      for (const [, specifier] of source.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)) {
        assert.ok(
          !specifier!.startsWith('node:') && specifier !== 'jsdom',
          `${file} imports ${specifier}`,
        )
        if (specifier!.startsWith('./') && !specifier!.includes('/schemas/'))
          visit(join(dirname(file), `${specifier}.ts`))
      }
    }
    visit('importer/index.ts')
    assert.ok(seen.size >= 8, `${seen.size} modules visited`)
    assert.ok(!seen.has('importer/node.ts'))
  })
})
