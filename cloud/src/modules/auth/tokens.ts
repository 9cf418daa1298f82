import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../../clock'

export type TokenKind = 'investor' | 'staff'
export type TokenClaims = { kind: TokenKind; sub: string; exp: Date }
export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' }

const KIND_CODES: Record<TokenKind, string> = { investor: 'i', staff: 's' }
const KINDS_BY_CODE: Record<string, TokenKind> = { i: 'investor', s: 'staff' }
const VERSION = 'v1'

const hmac = (key: Buffer, message: string) => createHmac('sha256', key).update(message).digest()

/**
 * The only spellings accepted: unpadded base64url of 32 bytes (tokens) and 16 bytes (URLs). Node's
 * decoder is lenient (padding, stray characters, the unused low bits of the last character), so a
 * signature is compared as the exact text we would have written, never after decoding.
 */
const TOKEN_SIGNATURE = /^[A-Za-z0-9_-]{43}$/
const URL_SIGNATURE = /^[A-Za-z0-9_-]{22}$/
const BASE64URL = /^[A-Za-z0-9_-]+$/

/** Constant-time comparison of two canonical signature strings. */
const sameText = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given, 'latin1'), Buffer.from(expected, 'latin1'))

/**
 * Stateless session tokens: `v1.<payload>.<signature>`, payload = base64url JSON {k, s, e}
 * (kind, subject id, expiry in epoch seconds), signature = HMAC-SHA256 over "v1.<payload>".
 * Every API process with the same AUTH_SECRET verifies them without a database lookup.
 * The same secret also signs upload URLs, under a separate derived key.
 */
export class TokenSigner {
  private readonly tokenKey: Buffer
  private readonly urlKey: Buffer

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    // Derived keys: a signature made for one purpose never verifies for another.
    this.tokenKey = hmac(Buffer.from(secret, 'utf8'), 'parklink session tokens')
    this.urlKey = hmac(Buffer.from(secret, 'utf8'), 'parklink upload urls')
  }

  sign(kind: TokenKind, sub: string, ttlMs: number): { token: string; expiresAt: Date } {
    // Whole seconds keep the token short; expiresAt reports exactly what is signed.
    const exp = Math.floor((this.clock().getTime() + ttlMs) / 1000)
    const payload = Buffer.from(JSON.stringify({ k: KIND_CODES[kind], s: sub, e: exp }), 'utf8').toString('base64url')
    const signature = hmac(this.tokenKey, `${VERSION}.${payload}`).toString('base64url')
    return { token: `${VERSION}.${payload}.${signature}`, expiresAt: new Date(exp * 1000) }
  }

  verify(token: string): VerifyResult {
    const parts = token.split('.')
    if (parts.length !== 3 || parts[0] !== VERSION || token.length > 1024) return { ok: false, reason: 'malformed' }
    const [, payload, signature] = parts
    if (!BASE64URL.test(payload)) return { ok: false, reason: 'malformed' }
    if (!TOKEN_SIGNATURE.test(signature)) return { ok: false, reason: 'signature' }
    const expected = hmac(this.tokenKey, `${VERSION}.${payload}`).toString('base64url')
    if (!sameText(signature, expected)) return { ok: false, reason: 'signature' }

    let claims: { k?: unknown; s?: unknown; e?: unknown }
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims
    } catch {
      return { ok: false, reason: 'malformed' }
    }
    const kind = typeof claims.k === 'string' ? KINDS_BY_CODE[claims.k] : undefined
    if (!kind || typeof claims.s !== 'string' || typeof claims.e !== 'number') return { ok: false, reason: 'malformed' }
    if (claims.e * 1000 <= this.clock().getTime()) return { ok: false, reason: 'expired' }
    return { ok: true, claims: { kind, sub: claims.s, exp: new Date(claims.e * 1000) } }
  }

  /** Signature for a capability URL (an upload the viewer was allowed to see), valid until `exp` (epoch seconds). */
  signUrl(resource: string, exp: number): string {
    return hmac(this.urlKey, `${resource}:${exp}`).subarray(0, 16).toString('base64url')
  }

  verifyUrl(resource: string, exp: number, signature: string): boolean {
    if (!Number.isSafeInteger(exp) || exp * 1000 <= this.clock().getTime()) return false
    return URL_SIGNATURE.test(signature) && sameText(signature, this.signUrl(resource, exp))
  }
}
