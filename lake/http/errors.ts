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
