// The frame of every review dialog: its fields, then the lake's error if the write failed, Cancel
// and the action, which stays busy while the write runs and closes the dialog when it succeeds.
import {Stack, type ButtonTone} from '@sanity/ui'
import {useState, type ReactNode} from 'react'
import {errorDescription} from '../data/records'
import {DialogFooter} from './DialogFooter'

/** Runs `write` once per click: busy meanwhile, then closes, or keeps the error to show. */
export function useSubmit(write: () => Promise<void>, onClose: () => void) {
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await write()
      onClose()
    } catch (e) {
      setError(errorDescription(e))
      setBusy(false)
    }
  }
  return {error, busy, submit}
}

export function ReviewForm(props: {
  children: ReactNode
  submitText: string
  tone: ButtonTone
  disabled: boolean
  onSubmit: () => Promise<void>
  onClose: () => void
}) {
  const {children, submitText, tone, disabled, onSubmit, onClose} = props
  const {error, busy, submit} = useSubmit(onSubmit, onClose)
  return (
    <Stack gap={4} padding={4}>
      {children}
      <DialogFooter
        error={error}
        onClose={onClose}
        submitText={submitText}
        tone={tone}
        disabled={disabled}
        busy={busy}
        onSubmit={submit}
      />
    </Stack>
  )
}
