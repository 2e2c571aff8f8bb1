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
import { Sha256, hex } from './sha256.js';

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
  return new Sha256().update(bytes).digestHex();
}

/** Lowercase hex SHA-256 of a text's UTF-8 bytes, computed in JavaScript (for pages without `crypto.subtle`). */
export function sha256HexSync(text: string): string {
  return new Sha256().update(new TextEncoder().encode(text)).digestHex();
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
