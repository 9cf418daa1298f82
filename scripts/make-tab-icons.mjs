#!/usr/bin/env node
// Draws the four tab bar icons (81×81 PNG, grey and blue) so they can be regenerated without design tools.
// WeChat tab bar icons must be local PNG/JPG files of at most 40 KB.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const COLORS = { normal: [0x5c, 0x63, 0x70], active: [0x0b, 0x57, 0xd0] }

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const ring = (x, y, x0, y0, x1, y1, w) => inRect(x, y, x0, y0, x1, y1) && !inRect(x, y, x0 + w, y0 + w, x1 - w, y1 - w)

// Each shape answers "is this point ink?" in a 0..81 coordinate space.
const shapes = {
  home: (x, y) => {
    const roof = y >= 12 && y <= 40 && Math.abs(x - 40.5) <= (y - 12) * 1.15 + 3 && Math.abs(x - 40.5) >= (y - 12) * 1.15 - 3
    const body = ring(x, y, 18, 36, 63, 70, 5)
    const door = inRect(x, y, 34, 50, 47, 70)
    return roof || body || door
  },
  parks: (x, y) => {
    const tall = ring(x, y, 12, 14, 40, 70, 5)
    const low = ring(x, y, 40, 32, 69, 70, 5)
    const windows = [20, 30].some((wx) => [24, 36, 48].some((wy) => inRect(x, y, wx, wy, wx + 5, wy + 5))) ||
      [48, 57].some((wx) => [42, 54].some((wy) => inRect(x, y, wx, wy, wx + 5, wy + 5)))
    return tall || low || windows || inRect(x, y, 6, 66, 75, 71)
  },
  policies: (x, y) => {
    const page = ring(x, y, 17, 10, 64, 71, 5)
    const lines = [24, 34, 44].some((ly) => inRect(x, y, 26, ly, 55, ly + 4)) || inRect(x, y, 26, 54, 44, 58)
    return page || lines
  },
  mine: (x, y) => {
    const head = inCircle(x, y, 40.5, 27, 14) && !inCircle(x, y, 40.5, 27, 9)
    const shoulders = y >= 48 && y <= 71 && ((x - 40.5) / 27) ** 2 + ((y - 71) / 23) ** 2 <= 1 && !(((x - 40.5) / 22) ** 2 + ((y - 71) / 18) ** 2 <= 1 && y < 71)
    return head || shoulders || inRect(x, y, 13.5, 66, 67.5, 71)
  },
}

function crc32(buffer) {
  let crc = -1
  for (const byte of buffer) {
    crc ^= byte
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return (crc ^ -1) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** An indexed PNG: one colour at 17 coverage levels (palette + tRNS), a quarter of the bytes of RGBA. */
function png(shape, [r, g, b]) {
  const rows = []
  for (let y = 0; y < SIZE; y += 1) {
    const row = Buffer.alloc(1 + SIZE)
    for (let x = 0; x < SIZE; x += 1) {
      let hits = 0 // 4×4 supersampling for smooth edges
      for (let sy = 0; sy < 4; sy += 1) for (let sx = 0; sx < 4; sx += 1) if (shape(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits += 1
      row[1 + x] = hits
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 3, 0, 0, 0], 8) // 8-bit palette
  const levels = Array.from({ length: 17 }, (_, hits) => hits)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(levels.flatMap(() => [r, g, b]))),
    chunk('tRNS', Buffer.from(levels.map((hits) => Math.round((hits / 16) * 255)))),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

for (const [name, shape] of Object.entries(shapes)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = `src/assets/tabbar/${name}${state === 'active' ? '-active' : ''}.png`
    writeFileSync(file, png(shape, color))
    console.log(file)
  }
}
