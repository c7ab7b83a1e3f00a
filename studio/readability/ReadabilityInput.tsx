// The readability panel under a patient text (article body and summary, FAQ answer): the field's
// own input, then how hard the text is to read against the clinic's target, updated as the editor
// types, with the hardest sentences one click from the editor.
import {Box, Button, Card, Flex, Stack, Text} from '@sanity/ui'
import {useMemo} from 'react'
import {
  useFormValue,
  type ArrayOfObjectsInputProps,
  type InputProps,
  type StringInputProps,
} from 'sanity'
import {readabilityReport, type ReadabilityReport, type ReportSentence} from './report'
import {useReadabilitySources} from './useReadabilitySources'

const figureText = (report: ReadabilityReport) =>
  report.figures
    .map((figure) => {
      const notes = [figure.band, figure.grade].filter(Boolean).join(', ')
      return `${figure.name}: ${figure.value.toFixed(1)}${notes ? ` (${notes})` : ''}`
    })
    .join(' · ')

const targetText = (report: ReadabilityReport) =>
  report.target
    ? report.target.higherIsEasier
      ? `Target: INFLESZ ${report.target.value} or above`
      : `Target: grade ${report.target.value} or below (Settings)`
    : ''

/** Focuses the sentence: its block in Portable Text, its characters in plain text. */
function useFocusSentence(props: InputProps) {
  const value = props.value
  return (sentence: ReportSentence) => {
    if (Array.isArray(value) && sentence.blockKey) {
      ;(props as ArrayOfObjectsInputProps).onPathFocus([{_key: sentence.blockKey}])
      return
    }
    const element = (props as StringInputProps).elementProps?.ref?.current as
      HTMLTextAreaElement | HTMLInputElement | null
    element?.focus()
    element?.setSelectionRange(sentence.start, sentence.end)
  }
}

export function ReadabilityInput(props: InputProps) {
  const language = useFormValue(['language']) as string | undefined
  const {target, glossary} = useReadabilitySources(language)
  const report = useMemo(
    () => readabilityReport(props.value, language, target, glossary),
    [props.value, language, target, glossary],
  )
  const focusSentence = useFocusSentence(props)
  const tone = !report.target ? 'transparent' : report.target.met ? 'positive' : 'caution'

  return (
    <Stack gap={2}>
      {props.renderDefault(props)}
      <Card
        padding={3}
        radius={2}
        border
        tone={tone}
        data-testid="readability-panel"
        aria-label="Readability"
      >
        <Stack gap={3}>
          {report.figures.length ? (
            <>
              <Text size={1} weight="semibold" data-testid="readability-figures">
                {figureText(report)}
              </Text>
              <Text size={1} muted>
                {report.words} words · {report.sentences} sentences · {targetText(report)}
                {report.target?.met === false ? ' — not met yet' : ''}
              </Text>
            </>
          ) : (
            <Text size={1} muted>
              Readability appears here as you write.
            </Text>
          )}
          {report.hardest.length > 1 && (
            <Stack gap={2} data-testid="readability-hardest">
              <Text size={1} weight="semibold">
                Hardest sentences
              </Text>
              {report.hardest.map((sentence) => (
                <Button
                  key={`${sentence.blockKey ?? ''}:${sentence.start}`}
                  mode="bleed"
                  padding={2}
                  onClick={() => focusSentence(sentence)}
                  title="Go to this sentence"
                  data-testid="readability-sentence"
                  // A button keeps its label on one line; a long sentence wraps in the panel.
                  style={{whiteSpace: 'normal'}}
                >
                  <Flex gap={3} align="flex-start">
                    <Box flex={1} style={{minWidth: 0, overflowWrap: 'anywhere'}}>
                      <Text size={1}>{sentence.text}</Text>
                    </Box>
                    <Text size={1} muted>
                      {sentence.score.toFixed(1)}
                    </Text>
                  </Flex>
                </Button>
              ))}
            </Stack>
          )}
          {report.suggestions.length > 0 && (
            <Stack gap={2} data-testid="readability-glossary">
              <Text size={1} weight="semibold">
                Plain words from the glossary
              </Text>
              {report.suggestions.map((suggestion) => (
                <Text key={suggestion.text.toLowerCase()} size={1}>
                  “{suggestion.text}” → {suggestion.plainAlternative}
                  {suggestion.definition ? ` — ${suggestion.definition}` : ''}
                </Text>
              ))}
            </Stack>
          )}
          {report.longWords.length > 0 && (
            <Text size={1} muted data-testid="readability-long-words">
              Long words:{' '}
              {report.longWords
                .map((word) =>
                  word.plainAlternative ? `${word.text} (→ ${word.plainAlternative})` : word.text,
                )
                .join(', ')}
            </Text>
          )}
        </Stack>
      </Card>
    </Stack>
  )
}
