// The end of every review dialog: the error the lake gave, if any, then Cancel and the action.
import {Box, Button, Card, Flex, Text, type ButtonTone} from '@sanity/ui'

export function DialogFooter(props: {
  error: string | undefined
  onClose: () => void
  submitText: string
  tone: ButtonTone
  disabled: boolean
  busy: boolean
  onSubmit: () => void
}) {
  const {error, onClose, submitText, tone, disabled, busy, onSubmit} = props
  return (
    <>
      {error && (
        <Card padding={3} radius={2} tone="critical">
          <Text size={1}>{error}</Text>
        </Card>
      )}
      <Flex gap={2} justify="flex-end">
        <Button mode="bleed" text="Cancel" onClick={onClose} />
        <Box>
          <Button
            tone={tone}
            text={submitText}
            disabled={disabled || busy}
            loading={busy}
            onClick={onSubmit}
          />
        </Box>
      </Flex>
    </>
  )
}
