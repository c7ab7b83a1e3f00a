// A query worker: holds a copy of every dataset's perspective views, applies each committed
// change as it comes, and evaluates the queries and listen filters the pool sends, one at a time.
import {parentPort} from 'node:worker_threads'
import {evaluate, parse} from 'groq-js'
import {LakeError} from '../http/errors'
import {parseError, queryError} from './groq-errors'
import {runQuery} from './groq'
import type {LakeDocument} from '../store/types'
import type {FilterJob, FromWorker, QueryJob, ToWorker} from './protocol'
import {DatasetViews} from './views'

const datasets = new Map<string, DatasetViews>()

async function query(job: QueryJob): Promise<string> {
  const views = datasets.get(job.dataset)
  if (!views) throw new LakeError(404, 'notFoundError', `Dataset "${job.dataset}" not found`)
  return runQuery(job.query, job.params, views.view(job.perspective), {
    identity: job.identity,
    maxResultBytes: job.maxResultBytes,
  })
}

const filters = new Map<string, ReturnType<typeof parse>>()

/**
 * Listen filters run in delta mode, as Sanity's GROQ-powered webhook filters do: `before()`,
 * `after()` and `delta::` see the change being matched.
 */
async function filter(job: FilterJob): Promise<Array<[boolean, boolean]>> {
  const key = `${job.query}\u0000${JSON.stringify(job.params)}`
  let tree = filters.get(key)
  if (!tree) {
    try {
      tree = parse(job.query, {params: job.params, mode: 'delta'})
    } catch (error) {
      throw parseError(job.query, error)
    }
    if (filters.size >= 1000) filters.clear()
    filters.set(key, tree)
  }
  const matches = async (doc: LakeDocument | null, change: FilterJob['changes'][number]) => {
    if (!doc) return false
    const value = await evaluate(tree, {
      dataset: [doc],
      params: job.params,
      before: change.before,
      after: change.after,
    })
    const result = await value.get()
    return Array.isArray(result) ? result.length > 0 : result !== null && result !== undefined
  }
  const answers: Array<[boolean, boolean]> = []
  for (const change of job.changes)
    answers.push([await matches(change.before, change), await matches(change.after, change)])
  return answers
}

function serialize(error: unknown) {
  const lake = error instanceof LakeError ? error : queryError('', error)
  return {
    statusCode: lake.statusCode,
    type: lake.type,
    message: lake.message,
    details: lake.details,
  }
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.kind) {
    case 'load': {
      if (message.first) datasets.set(message.dataset, new DatasetViews())
      datasets.get(message.dataset)?.load(message.docs)
      if (message.job !== undefined)
        parentPort!.postMessage({job: message.job, ok: true, value: null} satisfies FromWorker)
      return
    }
    case 'apply': {
      const views = datasets.get(message.dataset)
      for (const {id, after} of message.changes) views?.apply(id, after)
      return
    }
    case 'drop':
      datasets.delete(message.dataset)
      return
    case 'ready':
      parentPort!.postMessage({job: message.job, ok: true, value: null} satisfies FromWorker)
      return
    case 'query':
    case 'filter': {
      let reply: FromWorker
      // CPU, not wall time: the pool calls a client heavy by what its jobs cost, not by how long
      // a busy machine kept a cheap one waiting for a core.
      const cpuAtStart = process.threadCpuUsage()
      try {
        const value = message.kind === 'query' ? await query(message) : await filter(message)
        reply = {job: message.job, ok: true, value}
      } catch (error) {
        reply = {job: message.job, ok: false, error: serialize(error)}
      }
      const cpu = process.threadCpuUsage(cpuAtStart)
      reply.cpuMs = (cpu.user + cpu.system) / 1000
      parentPort!.postMessage(reply)
    }
  }
}

// Messages are handled strictly in order, so a query sees every commit sent before it.
let turn = Promise.resolve()
parentPort!.on('message', (message: ToWorker) => {
  turn = turn.then(() => handle(message))
})
