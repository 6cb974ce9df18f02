import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { localCertificate, spkiHash } from '../helpers/tls.ts';

/** The hash as Chromium's documentation makes it: openssl's public key, DER, SHA-256, base64. */
function opensslSpki(certFile: string): string {
  const pub = execFileSync('openssl', ['x509', '-in', certFile, '-pubkey', '-noout']);
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: pub });
  return execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der }).toString('base64');
}

describe('the certificate the audited site is served with', () => {
  it('is made once per process, for 127.0.0.1', () => {
    const made = localCertificate();
    expect(localCertificate()).toBe(made);
    const cert = new X509Certificate(made.cert);
    expect(cert.subjectAltName).toBe('IP Address:127.0.0.1');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now());
  });

  it("is trusted by Chromium through its public key's hash, computed as openssl computes it", () => {
    const made = localCertificate();
    expect(spkiHash(made.cert)).toBe(opensslSpki(made.certFile));
    expect(made.trustFlag).toBe(`--ignore-certificate-errors-spki-list=${opensslSpki(made.certFile)}`);
  });
});
