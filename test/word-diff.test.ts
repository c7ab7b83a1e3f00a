import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {sameWords, wordDiff, words} from '../studio/medical-review/views/wordDiff'

describe('wordDiff', () => {
  it('marks one changed word as removed and added, the rest unchanged', () => {
    assert.deepEqual(wordDiff('Rest in a dark room.', 'Rest in a quiet room.'), [
      {kind: 'same', text: 'Rest in a'},
      {kind: 'removed', text: 'dark'},
      {kind: 'added', text: 'quiet'},
      {kind: 'same', text: 'room.'},
    ])
  })

  it('finds words added at the start and removed at the end', () => {
    assert.deepEqual(wordDiff('migraine can last days', 'Chronic migraine can last'), [
      {kind: 'added', text: 'Chronic'},
      {kind: 'same', text: 'migraine can last'},
      {kind: 'removed', text: 'days'},
    ])
  })

  it('keeps paragraphs apart and ignores runs of spaces', () => {
    assert.deepEqual(words('One  two\nthree'), ['One', 'two', '\n', 'three'])
    assert.deepEqual(wordDiff('One two\nthree', 'One two\nfour'), [
      {kind: 'same', text: 'One two\n'},
      {kind: 'removed', text: 'three'},
      {kind: 'added', text: 'four'},
    ])
  })

  it('answers the longest common run of words, not the first match', () => {
    const parts = wordDiff('a b c d e', 'x b c d y')
    assert.deepEqual(
      parts.filter((p) => p.kind === 'same'),
      [{kind: 'same', text: 'b c d'}],
    )
  })

  it('rebuilds both texts from its parts', () => {
    const before = 'Triptans work best\ntaken early in an attack, with water.'
    const after = 'Triptans work\nbest when taken early, with a glass of water.'
    const parts = wordDiff(before, after)
    const join = (kinds: string[]) =>
      words(
        parts
          .filter((p) => kinds.includes(p.kind))
          .map((p) => p.text)
          .join(' '),
      )
    assert.deepEqual(join(['same', 'removed']), words(before))
    assert.deepEqual(join(['same', 'added']), words(after))
  })

  it('tells equal texts from different ones', () => {
    assert.equal(sameWords('a  b', 'a b'), true)
    assert.equal(sameWords('a b', 'a c'), false)
    assert.deepEqual(wordDiff('', ''), [])
  })
})
