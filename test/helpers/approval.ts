// Writes an article or FAQ as Dr. Sloane Yu approved it: its approval record and the document
// with the `medicalReview` copied from it, in one transaction, the way the sample does.
import type {SanityClient} from '@sanity/client'
import {approve} from '../../content/approvals'
import {sampleApprover} from '../../content/source'

export async function writeApproved<T extends {_id: string; _type: string}>(
  client: SanityClient,
  doc: T,
  approver: Partial<typeof sampleApprover> = {},
) {
  const {document, record} = approve(doc, {...sampleApprover, ...approver})
  await client
    .transaction()
    .createOrReplace(record as never)
    .createOrReplace(document as never)
    .commit()
  return {document, record}
}
