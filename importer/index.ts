// The converter's public API, for the command line and for a Studio Import tool. Nothing it
// imports needs Node: the host passes its HTML/XML parser and file reader in the context.
export {convertSource, mergePlans, detectKind} from './drafts'
export {planMutations, type MutationPlan} from './mutations'
export {PENDING_ASSET_PREFIX} from './convert'
export {BODY_SCHEMA, ANSWER_SCHEMA} from './schema'
export type {
  ChangeKind,
  ConvertContext,
  ExistingDocuments,
  ImportPlan,
  ImportSource,
  ImportWarning,
  PlannedAsset,
  PlannedChange,
  PlannedDocument,
  SourceKind,
  Topic,
  TopicSuggestion,
  WarningKind,
} from './types'
export {
  fetchExisting,
  fetchPublisher,
  fetchTopics,
  writePlan,
  type WriteOptions,
  type WriteResult,
} from './write'
export {formatReport, summarize, type ImportSummary} from './report'
