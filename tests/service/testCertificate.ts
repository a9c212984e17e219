/**
 * A throwaway self-signed certificate and key, made by openssl for each test run, so no private key
 * is ever committed. The SHA-256 thumbprint comes from openssl too, independently of the code under test.
 * @throws Error saying how to install openssl when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  /** The certificate, then its PKCS#8 private key, as Entra's "upload certificate" PEM. */
  readonly pem: string;
  /** Upper-case hex SHA-256 fingerprint, as openssl prints it without colons. */
  readonly thumbprint: string;
}

function openssl(args: readonly string[]): string {
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(`openssl ${args[0]} failed (install openssl: apt-get install -y openssl): ${run.error?.message ?? run.stderr}`);
  }
  return run.stdout;
}

export function makeTestCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'dsr-test-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=dsr-test', '-days', '2', '-keyout', key, '-out', cert]);
    const fingerprint = openssl(['x509', '-noout', '-fingerprint', '-sha256', '-in', cert]);
    const thumbprint = (fingerprint.split('=')[1] ?? '').trim().replace(/:/g, '').toUpperCase();
    return { pem: `${readFileSync(cert, 'utf8')}${readFileSync(key, 'utf8')}`, thumbprint };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
