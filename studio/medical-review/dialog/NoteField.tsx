// The note a review dialog sends with its record or request: a label, the text area, a hint.
import {Stack, Text, TextArea} from '@sanity/ui'

export function NoteField(props: {
  label: string
  /** The text area's accessible name, when it differs from the label. */
  ariaLabel?: string
  rows: number
  value: string
  onChange: (note: string) => void
  hint?: string
}) {
  const {label, ariaLabel = label, rows, value, onChange, hint} = props
  return (
    <Stack gap={2}>
      <Text size={1} weight="medium">
        {label}
      </Text>
      <TextArea
        aria-label={ariaLabel}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {hint && (
        <Text size={1} muted>
          {hint}
        </Text>
      )}
    </Stack>
  )
}
