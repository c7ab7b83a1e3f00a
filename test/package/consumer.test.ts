// @clinic-kit/widgets as a web developer gets it: the workspace packed with `npm pack`, installed
// from that tarball into fresh projects, built with the site's own Vite and run in Chromium against
// a test lake, type-checked with the site's own tsc, and weighed. Needs `npm run build` first.
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'
import {parse} from 'groq-js'
import {chromium, type Browser, type Page} from 'playwright-core'
import {
  installedTree,
  installInNewProject,
  packWidgets,
  rootVersion,
  type PackedWidgets,
} from '../../widgets/build/package-figures'
import {LIGHT_PALETTE} from '../../widgets/styles/palette'
import {ARTICLE_QUERY, CLINICIANS_QUERY, FAQ_QUERY} from '../../widgets/content/queries'
import {CHROMIUM_ARGS} from '../helpers/chromium'
import {startTestLake, type TestLake} from '../helpers/lake'

const PACKAGE = JSON.parse(readFileSync('widgets/package.json', 'utf8')) as {version: string}
const INSTALLED = 'node_modules/@clinic-kit/widgets'
/** The limit for what the kit alone adds to a site's install. */
const MAX_PACKAGES = 10
const MAX_BYTES = 5 * 1024 * 1024
/** Packages a site must never get from the kit: the Studio's, the lake's and React's DOM. */
const FOREIGN = /^(sanity|sharp|react|react-dom|styled-components|jsdom|groq-js|@sanity\/.*)$/
/** The one FAQ question the sample content has first under chronic-migraine. */
const FIRST_QUESTION = 'What types of headaches can Botox help?'

let work: string
let packed: PackedWidgets
let site: string
let lake: TestLake
let browser: Browser

before(() => {
  assert.ok(existsSync('widgets/dist/ck-faq.js'), 'run `npm run build` first')
  work = mkdtempSync(join(tmpdir(), 'ck-package-'))
  packed = packWidgets(work)
})
after(async () => {
  await browser?.close()
  await lake?.close()
  if (work) rmSync(work, {recursive: true, force: true})
})

/**
 * Opens /site/`path` at the lake's origin (one origin for page and content: Chromium blocks
 * cross-port loopback requests), serving /site/… from the first of `dirs` holding the file.
 */
async function sitePage(dirs: string[], path: string): Promise<Page> {
  browser ??= await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS})
  lake ??= await startTestLake()
  const page = await browser.newPage()
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`))
  await page.route(`${lake.lake.url}/site/**`, (route) => {
    const file = new URL(route.request().url()).pathname.slice('/site/'.length)
    const dir = dirs.find((d) => existsSync(join(d, file)))
    return dir ? route.fulfill({path: join(dir, file)}) : route.fulfill({status: 404})
  })
  await page.goto(`${lake.lake.url}/site/${path}`)
  return page
}

function viteBuild(dir: string, args: string[] = []): void {
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', ...args], {
    cwd: dir,
    encoding: 'utf8',
  })
  assert.equal(build.status, 0, build.stdout + build.stderr)
}

describe('the packed tarball', () => {
  it('holds only dist/, README, LICENSE, CHANGELOG and package.json', () => {
    console.log(
      `# tarball: ${packed.files.length} files, ${packed.size} B packed, ${packed.unpackedSize} B unpacked`,
    )
    const outside = packed.files.filter(
      (file) =>
        !file.startsWith('dist/') &&
        !['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].includes(file),
    )
    assert.deepEqual(outside, [])
    for (const file of [
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'package.json',
      'dist/clinic-kit.js',
      'dist/ck-faq.js',
      'dist/react.js',
      'dist/ck-faq.iife.js',
      'dist/clinic-kit.iife.js',
      'dist/custom-elements.json',
      'dist/theme.js',
      'dist/queries.js',
      'dist/fingerprint.js',
      'dist/types/index.d.ts',
      'dist/types/theme.d.ts',
      'dist/types/queries.d.ts',
      'dist/types/fingerprint.d.ts',
      'dist/types/content/sanity.types.d.ts',
    ])
      assert.ok(packed.files.includes(file), `the tarball holds ${file}`)
    assert.equal(packed.version, PACKAGE.version)
  })
})

/** What an ES module script run with Node in `site` prints, as JSON (it must exit 0). */
function printedBy(site: string, script: string): unknown {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: site,
    encoding: 'utf8',
  })
  assert.equal(run.status, 0, run.stderr)
  return JSON.parse(run.stdout)
}

describe('installed alone', () => {
  let alone: string
  before(() => {
    alone = join(work, 'alone')
    mkdirSync(alone)
    installInNewProject(alone, [packed.tarball])
  })

  it(`adds at most ${MAX_PACKAGES} packages and ${MAX_BYTES} B, none of the Studio's`, () => {
    const tree = installedTree(alone)
    console.log(
      `# install adds ${tree.packages.length} packages, ${tree.bytes} B: ${tree.packages.join(', ')}`,
    )
    assert.deepEqual(
      tree.packages.filter((name) => FOREIGN.test(name)),
      [],
    )
    assert.ok(tree.packages.includes('@clinic-kit/widgets') && tree.packages.includes('lit'))
    assert.ok(tree.packages.length <= MAX_PACKAGES, `${tree.packages.length} packages`)
    assert.ok(tree.bytes <= MAX_BYTES, `${tree.bytes} B`)
  })

  it('gives tools the theme and the queries as plain modules (@clinic-kit/widgets/theme, /queries)', () => {
    // Node, no bundler, no DOM: the subpath entries import nothing, not even Lit.
    const script = [
      "const theme = await import('@clinic-kit/widgets/theme')",
      "const queries = await import('@clinic-kit/widgets/queries')",
      'console.log(JSON.stringify({',
      '  palette: theme.LIGHT_PALETTE,',
      '  maxRadius: theme.MAX_RADIUS,',
      "  fontStack: theme.FONT_STACK.test('Inter, sans-serif') && !theme.FONT_STACK.test('url(x)'),",
      '  queries: [queries.FAQ_QUERY, queries.ARTICLE_QUERY, queries.CLINICIANS_QUERY],',
      "  textList: queries.textList(['a', null, 3, 'b']),",
      '  entries: queries.entries([{a: 1}, null]),',
      '}))',
    ].join('\n')
    const published = printedBy(alone, script) as {queries: string[]}
    // The build squeezes the queries' whitespace: the same GROQ, parsed, as the sources.
    const params = {lang: 'en', topic: '', category: '', partner: '', limit: 5}
    const parsed = (query: string) =>
      parse(query, {params: {...params, slug: '', clinic: '', specialty: ''}})
    assert.deepEqual(
      published.queries.map(parsed),
      [FAQ_QUERY, ARTICLE_QUERY, CLINICIANS_QUERY].map(parsed),
    )
    assert.deepEqual(published, {
      palette: LIGHT_PALETTE,
      maxRadius: 32,
      fontStack: true,
      queries: published.queries,
      textList: ['a', 'b'],
      entries: [{a: 1}],
    })
  })

  it('gives sites the review fingerprint (@clinic-kit/widgets/fingerprint), equal to the approval’s', () => {
    // A reviewed sample FAQ as stored: its fingerprint is the one its clinician approved; a
    // changed answer gives another. Node has Web Crypto, as browsers do.
    const faq = readFileSync(join('content', 'sample.ndjson'), 'utf8')
      .split('\n')
      .filter(Boolean)
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a stored document, read as is
      .map((line) => JSON.parse(line) as Record<string, any>)
      .find((doc) => doc._type === 'faq' && !doc._id.startsWith('drafts.') && doc.medicalReview)
    assert.ok(faq, 'a reviewed sample FAQ')
    const changed = structuredClone(faq)
    changed.answer[0].children[0].text += ' Ask your pharmacist.'
    const script = [
      "const {fingerprintOf} = await import('@clinic-kit/widgets/fingerprint')",
      `const [faq, changed] = ${JSON.stringify([faq, changed])}`,
      'console.log(JSON.stringify([await fingerprintOf(faq), await fingerprintOf(changed)]))',
    ].join('\n')
    const [same, other] = printedBy(alone, script) as string[]
    assert.equal(same, faq.medicalReview.fingerprint)
    assert.notEqual(other, faq.medicalReview.fingerprint)
  })

  it('gives drop-in scripts that report the package version', async () => {
    const scripts = [
      'ck-faq.iife.js',
      'ck-article.iife.js',
      'ck-clinician.iife.js',
      'clinic-kit.iife.js',
    ]
    const pages = join(work, 'drop-in-pages')
    mkdirSync(pages)
    for (const script of scripts) {
      // As a CDN serving npm packages would: the installed package's dist/ file, as it is.
      writeFileSync(
        join(pages, `${script}.html`),
        `<!doctype html><script src="${script}"></script>`,
      )
      const page = await sitePage([pages, join(alone, INSTALLED, 'dist')], `${script}.html`)
      assert.equal(
        await page.evaluate(() => window.clinicKit?.version),
        PACKAGE.version,
        `${script} reports the version`,
      )
      await page.close()
    }
  })
})

describe('in a Vite site', () => {
  before(() => {
    site = join(work, 'site')
    mkdirSync(site)
    installInNewProject(site, [
      packed.tarball,
      ...['vite', 'typescript', 'react', 'react-dom', '@lit/react', '@sanity/client'].map(
        rootVersion,
      ),
      ...['@types/react', '@types/react-dom', '@types/node'].map(rootVersion),
    ])
    // A FAQ page importing one element, and a React page using the wrappers.
    writeFileSync(
      join(site, 'faq.html'),
      '<!doctype html><html lang="en"><body><ck-faq topic="chronic-migraine"></ck-faq><script type="module" src="./faq.ts"></script></body></html>',
    )
    writeFileSync(
      join(site, 'faq.ts'),
      [
        "import '@clinic-kit/widgets/ck-faq.js'",
        "import {configure, version} from '@clinic-kit/widgets'",
        'configure({apiHost: window.location.origin})',
        'document.documentElement.dataset.kit = version',
      ].join('\n'),
    )
    writeFileSync(
      join(site, 'react.html'),
      '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="./react-app.ts"></script></body></html>',
    )
    copyFileSync('test/fixtures/react-app.ts', join(site, 'react-app.ts'))
    writeFileSync(
      join(site, 'vite.config.js'),
      "export default {base: '/site/', logLevel: 'warn', build: {rollupOptions: {input: ['faq.html', 'react.html']}}}",
    )
    viteBuild(site)
    // A page taking one class from the main entry: with "sideEffects", the others stay out.
    writeFileSync(
      join(site, 'classes.html'),
      '<!doctype html><html lang="en"><body><clinic-faq topic="chronic-migraine"></clinic-faq><script type="module" src="./classes.ts"></script></body></html>',
    )
    writeFileSync(
      join(site, 'classes.ts'),
      [
        "import {CkFaq, configure} from '@clinic-kit/widgets'",
        'configure({apiHost: window.location.origin})',
        "customElements.define('clinic-faq', class extends CkFaq {})",
      ].join('\n'),
    )
    writeFileSync(
      join(site, 'classes.config.js'),
      "export default {base: '/site/', logLevel: 'warn', build: {outDir: 'classes', rollupOptions: {input: ['classes.html']}}}",
    )
    viteBuild(site, ['--config', 'classes.config.js'])
  })

  it('leaves the classes a page does not import out of its bundle', async () => {
    const bundle = readdirSync(join(site, 'classes/assets'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(site, 'classes/assets', file), 'utf8'))
      .join('\n')
    console.log(`# one class from the main entry: ${bundle.length} B of JavaScript`)
    // The article's and the clinician's JSON-LD types: only their classes use them.
    assert.ok(!bundle.includes('MedicalWebPage'), 'no <ck-article> code')
    assert.ok(!bundle.includes('IndividualPhysician'), 'no <ck-clinician> code')
    const page = await sitePage([join(site, 'classes')], 'classes.html')
    const question = page.locator('clinic-faq >> [part~="button"]').first()
    await question.waitFor()
    assert.equal((await question.textContent())?.trim(), FIRST_QUESTION)
    await page.close()
  })

  it('renders the FAQ questions from one imported element', async () => {
    const page = await sitePage([join(site, 'dist')], 'faq.html')
    const question = page.locator('ck-faq >> [part~="button"]').first()
    await question.waitFor()
    assert.equal((await question.textContent())?.trim(), FIRST_QUESTION)
    assert.equal(await page.evaluate(() => document.documentElement.dataset.kit), PACKAGE.version)
    // Only <ck-faq> was imported: the bundle holds neither the other elements nor their tags.
    assert.deepEqual(
      await page.evaluate(() =>
        ['ck-article', 'ck-clinician', 'ck-clinician-list'].filter((tag) =>
          customElements.get(tag),
        ),
      ),
      [],
    )
    await page.close()
  })

  it('renders the React wrappers in a React page', async () => {
    const page = await sitePage([join(site, 'dist')], 'react.html')
    const question = page.locator('ck-faq >> [part~="button"]').first()
    await question.waitFor()
    await question.click()
    await page.locator('#events li', {hasText: `toggle:true:${FIRST_QUESTION}`}).waitFor()
    await page.locator('ck-clinician >> [part~="name"]').waitFor()
    await page.close()
  })

  it('type-checks a site’s use of the elements, events, configure(), the React wrappers, the theme and the queries', () => {
    for (const file of ['site.ts', 'tsconfig.json'])
      copyFileSync(join('test/package/consumer', file), join(site, file))
    const run = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], {
      cwd: site,
      encoding: 'utf8',
    })
    assert.equal(run.status, 0, run.stdout + run.stderr)
  })
})
