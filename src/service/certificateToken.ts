/**
 * Reads the app's certificate file (CERTIFICATE_PATH) for msal-node's certificate credential: the
 * PEM must hold the certificate (the leaf, optionally followed by its chain) and the unencrypted
 * private key that belongs to it, as uploaded to the Entra app registration.
 *
 * What is done with it: the SHA-256 thumbprint of the certificate names it in each client assertion
 * (`x5t#S256`), the key signs the assertion, and the certificates go along as `x5c` (needed for
 * subject name and issuer authentication). Nothing is written anywhere.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

export class CertificateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateError';
  }
}

export interface CertificateParts {
  /** Hex SHA-256 thumbprint of the certificate that matches the key, without colons. */
  readonly thumbprintSha256: string;
  /** The private key as PKCS#8 PEM (`BEGIN PRIVATE KEY`), as msal-node expects. */
  readonly privateKey: string;
  /** The certificates, the matching one first, as PEM text (msal-node's `x5c`). */
  readonly x5c: string;
  /** When the matching certificate stops being valid (every run warns from 30 days before). */
  readonly validTo: Date;
}

const CERTIFICATES = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const KEY = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;

function parseKey(pem: string): KeyObject {
  const match = KEY.exec(pem);
  if (!match) throw new CertificateError('The certificate file has no private key: it needs an unencrypted PKCS#8 key block ("BEGIN PRIVATE KEY") after the certificate.');
  if (match[1] === 'ENCRYPTED PRIVATE KEY') throw new CertificateError('The private key in the certificate file is encrypted: give the service the key without a passphrase (and protect the file instead).');
  try {
    return createPrivateKey(match[0]);
  } catch (error) {
    throw new CertificateError(`The private key in the certificate file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseCertificate(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (error) {
    throw new CertificateError(`A certificate in the certificate file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** @throws CertificateError saying what is missing or wrong. */
export function readCertificatePem(pem: string): CertificateParts {
  const blocks = pem.match(CERTIFICATES) ?? [];
  if (blocks.length === 0) throw new CertificateError('The certificate file has no certificate: it needs a "-----BEGIN CERTIFICATE-----" block as well as the private key.');
  const key = parseKey(pem);
  if (key.asymmetricKeyType !== 'rsa') throw new CertificateError(`The private key is ${key.asymmetricKeyType ?? 'of an unknown type'}; Entra ID app certificates need an RSA key.`);
  const certificates = blocks.map(parseCertificate);
  const index = certificates.findIndex((certificate) => certificate.checkPrivateKey(key));
  if (index < 0) throw new CertificateError('The private key in the certificate file does not belong to its certificate.');
  const leaf = certificates[index] as X509Certificate;
  return {
    thumbprintSha256: leaf.fingerprint256.replace(/:/g, ''),
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    x5c: [blocks[index], ...blocks.filter((_, i) => i !== index)].join('\n'),
    validTo: new Date(leaf.validTo),
  };
}
