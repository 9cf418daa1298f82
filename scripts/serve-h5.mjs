#!/usr/bin/env node
// Serves the production H5 build (dist-h5/) the way a CDN would: hashed assets cached for a year,
// gzip when asked, and every page path falling back to index.html for the browser router.
import { createServer } from 'node:http'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve } from 'node:path'
import { createGzip } from 'node:zlib'

const root = resolve(process.env.H5_DIR || 'dist-h5')
const port = Number(process.env.H5_PORT || 10086)
const host = process.env.H5_HOST || '127.0.0.1'
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

if (!existsSync(join(root, 'index.html'))) {
  console.error(`没有找到 ${root}/index.html：请先运行 npm run build:h5`)
  process.exit(1)
}

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  let file = normalize(join(root, path))
  if (!file.startsWith(root)) {
    res.writeHead(403).end()
    return
  }
  const isAsset = existsSync(file) && statSync(file).isFile()
  if (!isAsset) file = join(root, 'index.html')
  const type = types[extname(file)] ?? 'application/octet-stream'
  const hashed = /\.[0-9a-f]{8}\.(js|css)$/.test(file)
  const headers = {
    'Content-Type': type,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && /text|javascript|json|svg/.test(type)
  if (gzip) {
    res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' })
    createReadStream(file).pipe(createGzip()).pipe(res)
  } else {
    res.writeHead(200, headers)
    createReadStream(file).pipe(res)
  }
})

server.listen(port, host, () => console.log(`H5 (production build) at http://${host}:${port}/`))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)))
