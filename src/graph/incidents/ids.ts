/** A fresh GUID for a message attachment id, from the Web Crypto API (browsers and Node 19+ both have it). */
export function randomUUIDFrom(): string {
  return globalThis.crypto.randomUUID();
}
