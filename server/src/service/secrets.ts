/** Strong random values for secrets (Web Crypto: Node 20 and browsers alike). */
export function generateSecret(length = 32): string {
  const bytes = new Uint8Array(Math.ceil((length * 3) / 4) + 3);
  globalThis.crypto.getRandomValues(bytes);
  // base64url: no quotes, `#` or `$` that dotenv or dotenv-expand would read specially.
  return Buffer.from(bytes).toString('base64url').slice(0, length);
}
