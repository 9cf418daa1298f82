#!/usr/bin/env node
// The ceiling for the API benchmark: a bare Fastify server answering fixed bytes from memory —
// the real API's captured responses — on the same paths. CEILING_ROUTES is a JSON file of
// [{ method, path, status, contentType, body (base64) }]; POST routes parse the JSON body first,
// as the API must. Listens on 127.0.0.1:PORT until SIGTERM.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

const routes = JSON.parse(readFileSync(process.env.CEILING_ROUTES, 'utf8'))
const app = Fastify({ logger: false, bodyLimit: 256 * 1024 })
for (const route of routes) {
  const body = Buffer.from(route.body, 'base64')
  app.route({ method: route.method, url: route.path, handler: (_request, reply) => reply.code(route.status).type(route.contentType).send(body) })
}
app.get('/ready', () => ({ ok: true }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.close().then(() => process.exit(0)))
