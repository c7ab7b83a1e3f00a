// npm run bench:preview — how soon the Studio's Preview view shows what an editor types: the real
// Studio (built for the lake) in Chromium, an FAQ with its Preview beside the form, a word typed at
// the end of the answer, and the time from that keystroke's input event in the form until the
// word is in the element inside the preview frame (the partners' built ck-faq script), split at
// the moment the Studio hands the view the changed document (PreviewView's User Timing mark): the
// Studio's own part before it, the preview's after. The baseline, in the same frame and run: the
// element alone re-rendering when its `data` is set. Rounds type into the answer (the Portable
// Text editor) and into the question (a plain text field). Target: at most 300 ms after the last
// keystroke. Prints figures; asserts nothing.
import {openWithPreview} from '../test/helpers/preview'
import {openStudio} from '../test/helpers/studio'
import {DISPLAYED_MARK, TYPING_DEBOUNCE_MS} from '../studio/preview/timing'

const FAQ_ID = 'faq-what-helps-minor-headaches'
const ROUNDS = 15
const TARGET_MS = 300

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const f = (ms: number) => ms.toFixed(1)

type Shown = HTMLElement & {data: unknown; updateComplete: Promise<boolean>}

async function main() {
  const s = await openStudio()
  try {
    await s.signIn()
    const page = s.page
    const frame = await openWithPreview(page, s.studioUrl, 'faq', FAQ_ID)
    const element = frame.locator('ck-faq')
    await element.waitFor({state: 'attached'})
    // The time of the form's last keystroke, on the same clock as the frame's (epoch ms): the
    // text editor takes the typing in `beforeinput` (and cancels it), so that is what counts.
    await page.evaluate(() => {
      for (const type of ['beforeinput', 'input'])
        document.addEventListener(
          type,
          () => {
            ;(window as unknown as {ckLastInput: number}).ckLastInput =
              performance.timeOrigin + performance.now()
          },
          true,
        )
    })
    /** Types ROUNDS words at the end of a field; for each, the three instants in epoch ms. */
    const typeInto = async (field: 'answer' | 'question') => {
      const editor =
        field === 'answer'
          ? page.locator('[contenteditable="true"]').first()
          : page.getByLabel('Question', {exact: true})
      await editor.click()
      await page.keyboard.press(field === 'answer' ? 'ControlOrMeta+End' : 'End')
      const rounds: Array<{typed: number; handed: number; shown: number}> = []
      for (let round = 0; round < ROUNDS; round++) {
        const word = `${field}bench${round}q`
        // Watching starts before the word is typed: the frame resolves when its element shows it.
        const shown = element.evaluate(
          (el, word) =>
            new Promise<number>((resolve) => {
              // (No named functions in here: the bundler would wrap them in a helper the frame lacks.)
              const root = el.shadowRoot!
              if (root.textContent?.includes(word))
                return resolve(performance.timeOrigin + performance.now())
              new MutationObserver((_, observer) => {
                if (!root.textContent?.includes(word)) return
                observer.disconnect()
                resolve(performance.timeOrigin + performance.now())
              }).observe(root, {subtree: true, childList: true, characterData: true})
            }),
          word,
        )
        await page.keyboard.insertText(` ${word}`)
        const at = await shown
        const {typed, marks} = await page.evaluate(
          (name) => ({
            typed: (window as unknown as {ckLastInput: number}).ckLastInput,
            marks: performance
              .getEntriesByName(name)
              .map((mark) => performance.timeOrigin + mark.startTime),
          }),
          DISPLAYED_MARK,
        )
        // The last hand-over before the word showed (later ones are the saved draft's echo).
        const handed = marks.filter((mark) => mark >= typed && mark <= at).at(-1) ?? NaN
        rounds.push({typed, handed, shown: at})
      }
      return rounds
    }
    const answer = await typeInto('answer')
    const question = await typeInto('question')

    // The element alone: its current data with one more word, set directly in the frame.
    const alone: number[] = []
    for (let round = 0; round < ROUNDS; round++)
      alone.push(
        await element.evaluate(async (el, word) => {
          const shown = el as Shown
          const data = structuredClone(shown.data) as {
            faqs: Array<{answer: Array<{children?: Array<{text?: string}>}>}>
          }
          const span = data.faqs[0]!.answer.at(-1)!.children!.at(-1)!
          span.text = `${span.text ?? ''} ${word}`
          const started = performance.now()
          shown.data = data
          await shown.updateComplete
          if (!shown.shadowRoot!.textContent?.includes(word)) throw new Error('not rendered')
          return performance.now() - started
        }, `alonebench${round}q`),
      )

    const row = (label: string, values: number[]) =>
      `| ${label} | ${f(percentile(values, 50))} | ${f(percentile(values, 95))} | ${f(Math.max(...values))} |`
    console.log(
      `\nPreview latency in ms: ${ROUNDS} words typed at the end of ${FAQ_ID}'s answer, then of its question; from the keystroke (its beforeinput event) to the word in the preview's element, split where the Studio hands the view the changed document`,
    )
    console.log('| path | p50 | p95 | max |')
    console.log('| --- | ---: | ---: | ---: |')
    for (const [label, rounds] of [
      ['answer', answer],
      ['question', question],
    ] as const) {
      console.log(
        row(
          `${label}: keystroke → preview shows it`,
          rounds.map((r) => r.shown - r.typed),
        ),
      )
      console.log(
        row(
          `${label}: keystroke → Studio hands it over`,
          rounds.map((r) => r.handed - r.typed),
        ),
      )
      console.log(
        row(
          `${label}: hand-over → preview shows it`,
          rounds.map((r) => r.shown - r.handed),
        ),
      )
    }
    console.log(row('baseline: the element alone, data set in the frame', alone))
    const own = [...answer, ...question].map((r) => r.shown - r.handed)
    console.log(
      `Target: at most ${TARGET_MS} ms after the last keystroke. The answer's editor (@portabletext/editor) hands the form its text 250 ms after typing stops, so there the Studio's part alone is near the target. The preview's own part (a ${TYPING_DEBOUNCE_MS} ms pause for more typing, building the data, drawing): p50 ${f(percentile(own, 50))} ms, ${(percentile(own, 50) / percentile(alone, 50)).toFixed(0)}× the element alone.`,
    )
  } finally {
    await s.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
