// The Studio's Import tool: paste a page or choose a file, see the drafts it becomes (articles,
// FAQs, suggested topics, warnings), and create them as unreviewed drafts through the Studio's
// client, with the converter and write path the command line uses (content/import).
import {
  Box,
  Button,
  Card,
  Container,
  Flex,
  Heading,
  Select,
  Spinner,
  Stack,
  Text,
  TextArea,
} from '@sanity/ui'
import {useCallback, useRef, useState, type ChangeEvent, type DragEvent} from 'react'
import {useClient, useCurrentUser} from 'sanity'
import {SCHEMA_API_VERSION} from '../../model/constants'
import {
  convertSource,
  fetchPublisher,
  fetchTopics,
  writePlan,
  type ImportPlan,
  type ImportSource,
  type WriteResult,
} from '../../importer'
import {browserContext} from './browserContext'
import {CANNOT_CREATE_MESSAGE, canCreateDrafts} from './roles'
import {
  ACCEPTED_EXTENSIONS,
  fileKind,
  fileSource,
  PASTE_FORMATS,
  pastedSource,
  type PasteFormat,
} from './sources'
import {Proposal} from './Proposal'
import {WriteReport} from './WriteReport'

type State =
  | {step: 'empty'}
  | {step: 'converting'}
  | {step: 'proposed'; plan: ImportPlan; source: ImportSource}
  | {step: 'writing'; plan: ImportPlan; source: ImportSource}
  | {step: 'written'; plan: ImportPlan; source: ImportSource; result: WriteResult}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function ImportTool() {
  const client = useClient({apiVersion: SCHEMA_API_VERSION})
  const user = useCurrentUser()
  const mayCreate = canCreateDrafts(user)
  const [text, setText] = useState('')
  const [format, setFormat] = useState<PasteFormat>('auto')
  const [state, setState] = useState<State>({step: 'empty'})
  const [error, setError] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  const convert = useCallback(
    async (source: ImportSource) => {
      setError(null)
      setState({step: 'converting'})
      try {
        // Suggestions name the dataset's conditions and treatments; the clinic is the publisher.
        const [topics, publisher] = await Promise.all([fetchTopics(client), fetchPublisher(client)])
        const ctx = browserContext({topics, ...(publisher ? {publisher} : {})})
        setState({step: 'proposed', plan: await convertSource(source, ctx), source})
      } catch (e) {
        setError(`The text could not be converted: ${message(e)}`)
        setState({step: 'empty'})
      }
    },
    [client],
  )

  const readFile = useCallback(
    async (file: File) => {
      const kind = fileKind(file.name)
      if ('error' in kind) {
        setError(kind.error)
        setState({step: 'empty'})
        return
      }
      await convert(fileSource(file.name, await file.text(), kind.kind))
    },
    [convert],
  )

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    const file = event.dataTransfer.files[0]
    if (file) void readFile(file)
  }
  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0]
    event.currentTarget.value = ''
    if (file) void readFile(file)
  }

  // A paste (or text dropped into the box) shows its drafts at once; typing waits for the button.
  const onTextChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const value = event.currentTarget.value
    setText(value)
    const input = (event.nativeEvent as InputEvent).inputType
    if ((input === 'insertFromPaste' || input === 'insertFromDrop') && value.trim() !== '')
      void convert(pastedSource(value, format))
  }

  const create = async () => {
    if (state.step !== 'proposed' && state.step !== 'written') return
    const {plan, source} = state
    setError(null)
    setState({step: 'writing', plan, source})
    try {
      setState({step: 'written', plan, source, result: await writePlan(client, plan)})
    } catch (e) {
      setError(`Nothing was written: ${message(e)}`)
      setState({step: 'proposed', plan, source})
    }
  }

  const plan = 'plan' in state ? state.plan : undefined
  const source = 'source' in state ? state.source : undefined
  const hasDrafts = Boolean(plan && plan.articles.length + plan.faqs.length > 0)
  return (
    <Container width={3} padding={4} data-testid="import-tool">
      <Stack gap={4}>
        <Heading as="h1" size={3}>
          Import articles
        </Heading>
        <Text size={1} muted>
          Paste an HTML page, Markdown or plain text (title on the first line), or drop or choose a
          file: .html, .htm, .md, .markdown, .txt, or a WordPress export (.xml). Nothing is written
          until you create the drafts, and a published document is never changed.
        </Text>
        <Card
          padding={3}
          radius={2}
          border
          tone="transparent"
          onDragOver={(e) => e.preventDefault()}
          onDrop={onDrop}
        >
          <Stack gap={3}>
            <TextArea
              aria-label="Text to import"
              rows={10}
              value={text}
              placeholder="Paste the page here, or drop a file on this box"
              onChange={onTextChange}
            />
            <Flex gap={2} wrap="wrap" align="center">
              <Box style={{minWidth: 240}}>
                <Select
                  aria-label="Format of the pasted text"
                  value={format}
                  onChange={(event) => setFormat(event.currentTarget.value as PasteFormat)}
                >
                  {PASTE_FORMATS.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.title}
                    </option>
                  ))}
                </Select>
              </Box>
              <Button
                text="Show the drafts"
                tone="primary"
                disabled={text.trim() === '' || state.step === 'converting'}
                onClick={() => void convert(pastedSource(text, format))}
              />
              <Button
                text="Choose a file…"
                mode="ghost"
                onClick={() => fileInput.current?.click()}
              />
              <input
                ref={fileInput}
                type="file"
                hidden
                aria-label="File to import"
                accept={ACCEPTED_EXTENSIONS.join(',')}
                onChange={onChoose}
              />
            </Flex>
          </Stack>
        </Card>
        {error && (
          <Card padding={3} radius={2} tone="critical" role="alert">
            <Text size={1}>{error}</Text>
          </Card>
        )}
        {state.step === 'empty' && !error && (
          <Text size={1} muted data-testid="import-empty">
            {text.trim() === ''
              ? 'Nothing to show yet: paste a text or choose a file.'
              : 'Press “Show the drafts” to see what this text becomes.'}
          </Text>
        )}
        {state.step === 'converting' && (
          <Flex gap={2} align="center">
            <Spinner muted />
            <Text size={1}>Reading the text…</Text>
          </Flex>
        )}
        {plan && source && (
          <>
            <Proposal plan={plan} source={source} />
            {hasDrafts && (
              <Card padding={3} radius={2} border>
                <Stack gap={3}>
                  <Flex gap={3} align="center" wrap="wrap">
                    <Button
                      text={state.step === 'writing' ? 'Creating drafts…' : 'Create drafts'}
                      tone="positive"
                      disabled={!mayCreate || state.step === 'writing'}
                      onClick={() => void create()}
                    />
                    <Text size={1} muted>
                      {mayCreate
                        ? 'The drafts are unreviewed: each needs a clinician’s approval before it can be published.'
                        : CANNOT_CREATE_MESSAGE}
                    </Text>
                  </Flex>
                  {state.step === 'written' && <WriteReport result={state.result} />}
                </Stack>
              </Card>
            )}
          </>
        )}
        <Box paddingBottom={4} />
      </Stack>
    </Container>
  )
}
