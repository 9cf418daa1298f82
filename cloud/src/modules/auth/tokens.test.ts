import { TokenSigner } from './tokens'

const now = () => new Date('2026-11-20T02:00:00Z')
const signer = new TokenSigner('a-secret-of-at-least-thirty-two-characters', now)

describe('TokenSigner: only the canonical spelling of a signature verifies', () => {
  const { token } = signer.sign('investor', '7d0c2b8e-1b7a-4c38-9d1f-0c5f1d2b3a4e', 3600_000)
  const [version, payload, signature] = token.split('.')

  it('accepts the token it signed (43 base64url characters of HMAC-SHA256)', () => {
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(signer.verify(token)).toMatchObject({ ok: true })
  })

  // Node's lenient base64url decoder maps each of these to the same 32 bytes.
  it.each([
    ['padding', `${signature}=`],
    ['double padding', `${signature}==`],
    ['a trailing !', `${signature}!`],
    ['a trailing space', `${signature} `],
    ['standard base64 + and /', signature.replace(/-/g, '+').replace(/_/g, '/')],
    ['an inner illegal character', `${signature.slice(0, 20)}!${signature.slice(20)}`],
    ['a 44th character', `${signature}A`],
  ])('refuses the signature with %s', (_name, spelling) => {
    const variant = `${version}.${payload}.${spelling}`
    if (variant === token) return // the signature had no - or _ to swap
    expect(signer.verify(variant)).toEqual({ ok: false, reason: 'signature' })
  })

  it('refuses a last character that differs only in the unused low bits', () => {
    // 43 characters carry 258 bits for 256: the last character's 2 low bits are ignored by decoders.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = alphabet.indexOf(signature.at(-1)!)
    const sibling = alphabet[last ^ 1]
    const variant = `${version}.${payload}.${signature.slice(0, -1)}${sibling}`
    expect(Buffer.from(variant.split('.')[2], 'base64url')).toEqual(Buffer.from(signature, 'base64url'))
    expect(signer.verify(variant)).toEqual({ ok: false, reason: 'signature' })
  })

  it('refuses a payload spelled differently (padding) even though it decodes the same', () => {
    expect(signer.verify(`${version}.${payload}=.${signature}`)).toMatchObject({ ok: false })
  })

  it('upload URL signatures are canonical too (22 characters)', () => {
    const exp = Math.floor(now().getTime() / 1000) + 3600
    const sig = signer.signUrl('upload:x', exp)
    expect(sig).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(signer.verifyUrl('upload:x', exp, sig)).toBe(true)
    for (const variant of [`${sig}=`, `${sig}!`, `${sig}==`, sig.replace(/-/g, '+').replace(/_/g, '/')]) {
      if (variant !== sig) expect(signer.verifyUrl('upload:x', exp, variant)).toBe(false)
    }
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const sibling = alphabet[alphabet.indexOf(sig.at(-1)!) ^ 1]
    expect(signer.verifyUrl('upload:x', exp, `${sig.slice(0, -1)}${sibling}`)).toBe(false)
  })
})
