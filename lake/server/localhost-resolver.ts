// Resolves `*.localhost` to loopback in this process. RFC 6761 reserves the name for loopback and
// browsers resolve it so, but Node asks the system resolver, which on Debian does not know
// `clinickit.localhost`. The Sanity CLI calls project-scoped APIs at
// http://<projectId>.<apiHost> (useProjectHostname in @sanity/cli-core's getProjectCliClient), so
// with SANITY_INTERNAL_ENV=http://localhost:3030 it needs this to reach the lake:
//   NODE_OPTIONS=--import=./lake/localhost-resolver.ts npx sanity dataset list
import dns, {type LookupAddress, type LookupOptions} from 'node:dns'

const isLocalhost = (hostname: string) => /(^|\.)localhost\.?$/i.test(hostname)

function loopback(options: LookupOptions): LookupAddress[] {
  const v4 = {address: '127.0.0.1', family: 4}
  const v6 = {address: '::1', family: 6}
  if (options.family === 6 || options.family === 'IPv6') return [v6]
  if (options.family === 4 || options.family === 'IPv4') return [v4]
  return [v4, v6]
}

type Callback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

const systemLookup = dns.lookup.bind(dns)

function lookup(hostname: string, options: unknown, callback?: unknown): void {
  const done = (typeof options === 'function' ? options : callback) as Callback
  const opts: LookupOptions =
    typeof options === 'number'
      ? {family: options}
      : typeof options === 'object' && options
        ? options
        : {}
  if (!isLocalhost(hostname)) {
    ;(systemLookup as (...args: unknown[]) => void)(hostname, opts, done)
    return
  }
  const addresses = loopback(opts)
  process.nextTick(() =>
    opts.all ? done(null, addresses) : done(null, addresses[0]!.address, addresses[0]!.family),
  )
}

const systemPromiseLookup = dns.promises.lookup.bind(dns.promises)

async function promiseLookup(hostname: string, options: LookupOptions | number = {}) {
  const opts: LookupOptions = typeof options === 'number' ? {family: options} : options
  if (!isLocalhost(hostname)) return systemPromiseLookup(hostname, opts as never)
  const addresses = loopback(opts)
  return opts.all ? addresses : addresses[0]!
}

dns.lookup = lookup as typeof dns.lookup
dns.promises.lookup = promiseLookup as typeof dns.promises.lookup
