import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { SOURCE_ARTICLES, describeSource } from './sources'

test('every article in cloud/content/sources has an outlet and headline for people to read', () => {
  const files = readdirSync(join(__dirname, '../cloud/content/sources'))
  expect(files.sort()).toEqual(Object.keys(SOURCE_ARTICLES).sort())
  expect(describeSource('003_366a7cb6fb3ea4c6.txt')).toBe('淄博日报《高青：请进优质合伙人共赢未来》')
})

test('an unknown file falls back to its name', () => {
  expect(describeSource('999_0000000000000000.txt')).toBe('999_0000000000000000.txt')
})
