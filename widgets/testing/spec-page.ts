/// <reference types="mocha" />
// What the @web/test-runner specs share: every tag registered, content read through the test
// server's origin (which forwards to the lake the config starts), mounting an element until its
// content has loaded, and an empty page after every test.
import {configure} from '../content/config'
import {defineElements} from '../define'

defineElements()
configure({apiHost: window.location.origin})

// A root hook: each test starts on an empty page whichever spec file imports this.
afterEach(() => {
  document.body.innerHTML = ''
})

/**
 * Puts `markup` in the page and resolves with its `tag` element once it has loaded and rendered;
 * rejects with the element's error message when loading fails.
 */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  markup: string,
): Promise<HTMLElementTagNameMap[K]> {
  document.body.innerHTML = markup
  const element = document.body.querySelector(tag) as HTMLElementTagNameMap[K] & HTMLElement
  await new Promise((resolve, reject) => {
    element.addEventListener('ck-load', resolve, {once: true})
    element.addEventListener(
      'ck-error',
      (e: CustomEvent<{message: string}>) => reject(new Error(e.detail.message)),
      {once: true},
    )
  })
  await (element as unknown as {updateComplete: Promise<boolean>}).updateComplete
  return element
}

/** A node's text with runs of whitespace as one space. */
export const text = (node: Node | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim()
