/**
 * A certificate for 127.0.0.1, made once per process, so the audited site can be served as a
 * static host serves it to a phone: over HTTPS with HTTP/2 (nginx.ts, `tls`). Browsers speak
 * HTTP/2 only over TLS, and Lighthouse's simulation models the two protocols differently (one
 * warm connection against six, each with its own handshake and slow start): served over plain
 * HTTP, a page is simulated as no host of ours would deliver it. Chromium trusts the certificate
 * through its public key (trustFlag), as web-platform-tests do; nothing is added to any trust store.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalCertificate {
  certFile: string;
  keyFile: string;
  /** The certificate (PEM), for clients that check it (the server's readiness probe). */
  cert: string;
  /** Chromium's flag that trusts this certificate, and only it. */
  trustFlag: string;
}

/** The base64 SHA-256 of a certificate's public key (SPKI), as Chromium's trust flag takes it. */
export function spkiHash(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

let made: LocalCertificate | undefined;

export function localCertificate(): LocalCertificate {
  if (made) return made;
  const dir = mkdtempSync(join(tmpdir(), 'briefings-tls-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const [certFile, keyFile] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    throw new Error(`could not make a certificate for 127.0.0.1 with openssl (apt-get install openssl; .ci/run installs it): ${(error as Error).message}`);
  }
  const cert = readFileSync(certFile, 'utf8');
  made = { certFile, keyFile, cert, trustFlag: `--ignore-certificate-errors-spki-list=${spkiHash(cert)}` };
  return made;
}
