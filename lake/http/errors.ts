// Errors carrying the HTTP status and the body Sanity's API answers with.

export class LakeError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'LakeError'
  }

  /** `{error: {description, type, …}}`, the shape @sanity/client reads the message from. */
  toBody(): Record<string, unknown> {
    return {error: {description: this.message, type: this.type, ...this.details}}
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new LakeError(400, 'validationError', message, details)
export const unauthorized = (message = 'Unauthorized - Session not found') =>
  new LakeError(401, 'unauthorizedError', message)
export const notFound = (message: string) => new LakeError(404, 'notFoundError', message)
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new LakeError(409, 'mutationError', message, details)

/** One refused mutation: the index of the mutation and the error item Sanity reports for it. */
export interface MutationProblem {
  index: number
  error: {type: string; description: string; [detail: string]: unknown}
}

/**
 * Sanity's 409 for a transaction refused whole: `{error: {type: "mutationError", description:
 * "Mutation(s) failed with N error(s)", items: [{index, error: {type, description, …}}]}}`, the
 * items sorted by index. @sanity/client joins the items' descriptions into its error message.
 */
export function mutationFailed(problems: MutationProblem[]): LakeError {
  const items = [...problems].sort((a, b) => a.index - b.index)
  return new LakeError(409, 'mutationError', `Mutation(s) failed with ${items.length} error(s)`, {
    items,
  })
}
