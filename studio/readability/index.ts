// The readability plugin: the panel under every patient text, chosen by the schema's own marker
// (`options: {readability: true}`, schemas/options.ts) so schemas name no component.
import {createElement} from 'react'
import {definePlugin, type InputProps, type SchemaType} from 'sanity'
import {ReadabilityInput} from './ReadabilityInput'

/** Whether the field is marked as a patient text the panel reads. */
export function showsReadability(schemaType: SchemaType): boolean {
  return (schemaType.options as {readability?: unknown} | undefined)?.readability === true
}

export const readability = definePlugin({
  name: 'clinic-kit/readability',
  form: {
    components: {
      input: (props: InputProps) =>
        showsReadability(props.schemaType)
          ? createElement(ReadabilityInput, props)
          : props.renderDefault(props),
    },
  },
})
