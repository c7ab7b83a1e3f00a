// A local certificate authority and a server certificate for the lake's HTTP/2 (browsers speak
// HTTP/2 only over TLS). Made once with openssl into <dir>/tls; users trust ca.pem once.
import {execFileSync} from 'node:child_process'
import {createHash, X509Certificate} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

export interface LakeTls {
  key: Buffer
  cert: Buffer
  /** The CA certificate to trust in the browser or pass as `ca` to Node clients. */
  caFile: string
}

export function ensureLakeTls(dir: string, projectId = 'clinickit'): LakeTls {
  const tlsDir = join(dir, 'tls')
  mkdirSync(tlsDir, {recursive: true, mode: 0o700})
  const file = (name: string) => join(tlsDir, name)
  if (!existsSync(file('server.pem'))) {
    const openssl = (...args: string[]) => execFileSync('openssl', args, {stdio: 'pipe'})
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '825',
      '-subj',
      '/CN=clinic-kit local lake CA',
      '-keyout',
      file('ca-key.pem'),
      '-out',
      file('ca.pem'),
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    )
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=localhost',
      '-keyout',
      file('server-key.pem'),
      '-out',
      file('server.csr'),
    )
    writeFileSync(
      file('server.ext'),
      [
        'basicConstraints=CA:FALSE',
        'keyUsage=digitalSignature,keyEncipherment',
        'extendedKeyUsage=serverAuth',
        `subjectAltName=DNS:localhost,DNS:${projectId}.localhost,DNS:*.localhost,IP:127.0.0.1,IP:::1`,
      ].join('\n'),
    )
    openssl(
      'x509',
      '-req',
      '-in',
      file('server.csr'),
      '-CA',
      file('ca.pem'),
      '-CAkey',
      file('ca-key.pem'),
      '-CAcreateserial',
      '-days',
      '825',
      '-extfile',
      file('server.ext'),
      '-out',
      file('server.pem'),
    )
  }
  return {
    key: readFileSync(file('server-key.pem')),
    cert: readFileSync(file('server.pem')),
    caFile: file('ca.pem'),
  }
}

/** base64 SHA-256 of a certificate's public key, the form Chromium's SPKI allowlist takes. */
export function spkiHash(certPem: string | Buffer): string {
  const der = new X509Certificate(certPem).publicKey.export({type: 'spki', format: 'der'})
  return createHash('sha256').update(der).digest('base64')
}
