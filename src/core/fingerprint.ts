/**
 * Record fingerprints: a SHA-256 digest of a record (an interview record, a
 * clue sheet) taken when it is finalised, kept in its `signature` member and
 * printed on the A4 copy, so anyone can later check that the stored record is
 * the one that was signed on paper.
 *
 * What is hashed is `canonicalJson(record without its signature member)`:
 * object keys are sorted, numbers take their shortest form (`1.0` and `1`,
 * `1e2` and `100` are the same), `undefined` members are dropped, and the text
 * is encoded as UTF-8. So the same record gives the same digest whatever the
 * key order or number spelling it was stored with, and any change to a value
 * (one character of a transcript) gives another digest. Strings are hashed as
 * they are (no Unicode normalisation).
 *
 * This is an integrity check, not a signature of identity: anyone who can edit
 * the record can compute a new digest. Its value is in the printed and signed
 * paper copy that carries the digest.
 *
 * Uses `crypto.subtle` when the page has it. Intranet portals often run on
 * plain http, where browsers withhold `crypto.subtle`; then a built-in
 * SHA-256 gives the same digest.
 */
import { canonicalJson } from './draft.js';

/** The `signature` member of a signed record. */
export interface RecordSignature {
  algorithm: 'SHA-256';
  /** Lowercase hex SHA-256 of the canonical JSON of the record without `signature`. */
  digest: string;
  /** When it was signed (RFC 3339, e.g. 2026-11-26T10:30:00+08:00). */
  signedAt: string;
}

type Rec = Record<string, unknown>;

/** The record without its `signature` member (other members untouched). */
function unsigned(record: Rec): Rec {
  const { signature: _signature, ...rest } = record ?? {};
  return rest;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Lowercase hex SHA-256 of a text's UTF-8 bytes, with `crypto.subtle` when available, else {@link sha256HexSync}. */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    try {
      return hex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
    } catch {
      /* fall through to the built-in implementation */
    }
  }
  return hex(sha256(bytes));
}

/** Lowercase hex SHA-256 of a text's UTF-8 bytes, computed in JavaScript (for pages without `crypto.subtle`). */
export function sha256HexSync(text: string): string {
  return hex(sha256(new TextEncoder().encode(text)));
}

/** The fingerprint of a record: lowercase hex SHA-256 of its canonical JSON, `signature` left out. */
export function fingerprint(record: Rec): Promise<string> {
  return sha256Hex(canonicalJson(unsigned(record)));
}

/**
 * A copy of the record with `signature: {algorithm: 'SHA-256', digest, signedAt: at}`.
 * An existing signature is replaced (it never takes part in the digest).
 */
export async function sign<T extends Rec>(record: T, at: string): Promise<T & { signature: RecordSignature }> {
  const digest = await fingerprint(record);
  return { ...record, signature: { algorithm: 'SHA-256', digest, signedAt: at } };
}

/** Does the record still match its signature? False when it has none, or one of another algorithm. */
export async function verify(record: Rec): Promise<boolean> {
  const sig = record?.['signature'] as Partial<RecordSignature> | undefined;
  if (!sig || typeof sig !== 'object' || sig.algorithm !== 'SHA-256' || typeof sig.digest !== 'string') return false;
  return (await fingerprint(record)) === sig.digest.toLowerCase();
}

/* ---------------------------------------------------- SHA-256 (FIPS 180-4) */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

function sha256(data: Uint8Array): Uint8Array {
  const bitLength = data.length * 8;
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!, b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0; h[1] = (h[1]! + b) >>> 0; h[2] = (h[2]! + c) >>> 0; h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0; h[5] = (h[5]! + f) >>> 0; h[6] = (h[6]! + g) >>> 0; h[7] = (h[7]! + hh) >>> 0;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(i * 4, h[i]!);
  return out;
}
