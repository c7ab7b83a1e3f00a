// Bounded concurrency for resizes. Up to `concurrency` jobs run at once; one more slot is kept
// for light jobs, and light jobs leave the queue first, so a thumbnail is never stuck behind a
// row of huge resizes. A full queue answers 503 with Retry-After instead of piling up memory.
import {LakeError} from '../http/errors'

export class QueueFullError extends LakeError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      503,
      'imageQueueFullError',
      `The lake is busy resizing images; try again in ${retryAfterSeconds} s`,
      {retryAfter: retryAfterSeconds},
    )
  }
}

export class JobQueue {
  private running = 0
  private readonly light: Array<() => void> = []
  private readonly heavy: Array<() => void> = []
  /** Recent job time, for Retry-After. */
  private averageMs = 500

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    /** Jobs at or below this cost (pixels read + written) count as light. */
    private readonly lightCost = 4_000_000,
  ) {}

  get waiting(): number {
    return this.light.length + this.heavy.length
  }

  get active(): number {
    return this.running
  }

  async run<T>(cost: number, job: () => Promise<T>): Promise<T> {
    const isLight = cost <= this.lightCost
    if (!this.take(isLight)) {
      if (this.waiting >= this.maxWaiting) {
        const rounds = Math.ceil((this.waiting + 1) / this.concurrency)
        throw new QueueFullError(Math.max(1, Math.ceil((rounds * this.averageMs) / 1000)))
      }
      // The slot is taken for us by dispatch() before this resolves.
      await new Promise<void>((resolve) => (isLight ? this.light : this.heavy).push(resolve))
    }
    const started = performance.now()
    try {
      return await job()
    } finally {
      this.averageMs = this.averageMs * 0.8 + (performance.now() - started) * 0.2
      this.running--
      this.dispatch()
    }
  }

  /** Heavy jobs share `concurrency` slots; light ones may also use one slot kept for them. */
  private take(isLight: boolean): boolean {
    if (this.running >= this.concurrency + (isLight ? 1 : 0)) return false
    this.running++
    return true
  }

  private dispatch() {
    // Light first: they finish quickly and give their slot back.
    while (this.light.length > 0 && this.take(true)) this.light.shift()!()
    while (this.heavy.length > 0 && this.take(false)) this.heavy.shift()!()
  }
}
