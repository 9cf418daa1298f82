import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { forbidden, invalidToken, unauthorized } from '../../http/errors'
import { findStaffIdentity, investorExists, type StaffIdentity } from '../../modules/auth/identity'
import { TokenSigner, type TokenClaims } from '../../modules/auth/tokens'

declare module 'fastify' {
  interface FastifyInstance {
    tokens: TokenSigner
    /** onRequest hook: a valid investor token, or 401/403. Sets request.investorId. */
    requireInvestor: (request: FastifyRequest) => Promise<void>
    /**
     * onRequest hook: a valid investor token, or 401/403, without looking the investor up. Sets
     * request.investorId. Only for a handler that checks the investor itself in the statement it runs
     * anyway and answers 401 invalid_token when it is gone (POST /api/requests: one round trip).
     */
    requireInvestorToken: (request: FastifyRequest, reply: unknown, done: (error?: Error) => void) => void
    /** onRequest hook: a valid staff token of an existing account, or 401/403. Sets request.staff. */
    requireStaff: (request: FastifyRequest) => Promise<void>
    /** The investor behind an optional token; null when absent or not valid (never fails the request). */
    optionalInvestor: (request: FastifyRequest) => Promise<string | null>
  }
  interface FastifyRequest {
    investorId: string | null
    staff: StaffIdentity | null
  }
}

/** The bearer token, '' for a malformed Authorization header, undefined when there is none. */
const bearerToken = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization
  if (header === undefined) return undefined
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? ''
}

/**
 * Sessions are signed tokens (see TokenSigner), so any API process can check them. The subject is
 * still looked up: a deleted account or a database reset in development answers 401, never a 500.
 */
export default fp(
  async (app) => {
    const tokens = new TokenSigner(app.config.auth.secret, app.clock)
    app.decorate('tokens', tokens)
    app.decorateRequest('investorId', null)
    app.decorateRequest('staff', null)

    const claimsOf = (request: FastifyRequest): TokenClaims => {
      const token = bearerToken(request)
      if (token === undefined) throw unauthorized()
      const result = tokens.verify(token)
      if (!result.ok) throw invalidToken()
      return result.claims
    }

    app.decorate('requireInvestor', async (request: FastifyRequest) => {
      const claims = claimsOf(request)
      if (claims.kind !== 'investor') throw forbidden('工作人员账号不能进行此操作，请使用投资者身份')
      if (!(await investorExists(app.db, claims.sub))) throw invalidToken()
      request.investorId = claims.sub
    })

    app.decorate('requireInvestorToken', (request: FastifyRequest, _reply: unknown, done: (error?: Error) => void) => {
      let claims: TokenClaims
      try {
        claims = claimsOf(request)
      } catch (error) {
        done(error as Error)
        return
      }
      if (claims.kind !== 'investor') {
        done(forbidden('工作人员账号不能进行此操作，请使用投资者身份'))
        return
      }
      request.investorId = claims.sub
      done()
    })

    app.decorate('requireStaff', async (request: FastifyRequest) => {
      const claims = claimsOf(request)
      if (claims.kind !== 'staff') throw forbidden('仅限开发区工作人员使用')
      const member = await findStaffIdentity(app.db, claims.sub)
      if (!member) throw invalidToken()
      request.staff = member
    })

    app.decorate('optionalInvestor', async (request: FastifyRequest) => {
      const token = bearerToken(request)
      if (!token) return null
      const result = tokens.verify(token)
      if (!result.ok || result.claims.kind !== 'investor') return null
      return (await investorExists(app.db, result.claims.sub)) ? result.claims.sub : null
    })
  },
  { name: 'auth', dependencies: ['context', 'database'] },
)
