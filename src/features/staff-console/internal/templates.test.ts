import { CONTENT_KIND_SCHEMAS } from '@/types/console'
import { CONTENT_KINDS } from '@/types/vocabulary'
import { FORMS } from './fields'
import { getAt } from './record-path'
import { newRecord, newRecordId, newZone } from './templates'

const kinds = CONTENT_KINDS.filter((kind) => kind !== 'zones')

/** What staff must type before a new record can be saved: its name and its text. */
const typedIn = (record: Record<string, unknown>) => ({
  ...record,
  ...('name' in record ? { name: '示例名称' } : {}),
  ...('title' in record ? { title: '示例标题' } : {}),
  ...('summary' in record ? { summary: '一段不少于十个字的简介文字。' } : {}),
  ...('description' in record ? { description: '一段介绍文字。' } : {}),
})

test.each(kinds)('a new %s, once named, is a record the contract accepts: no fact is made up', (kind) => {
  const id = newRecordId(kind, 'pingyuan', Date.UTC(2026, 10, 21), () => 0.5)
  expect(id).toMatch(/^pingyuan-[a-z]+-[a-z0-9]+$/)
  const record = newRecord(kind, 'pingyuan', id)
  const parsed = CONTENT_KIND_SCHEMAS[kind].safeParse(typedIn(record))
  expect(parsed.success ? [] : parsed.error.issues).toEqual([])
  // Facts start as not provided (or absent), never as a guess.
  for (const value of Object.values(record))
    if (typeof value === 'string' && value && !['pingyuan', id].includes(value))
      expect(['not_provided', 'factory', 'support', 'industry', 'signed', 'service', '入驻企业']).toContain(value)
})

test('a new zone as the admin names it is a zone the contract accepts', () => {
  const zone = newZone({
    id: 'leling',
    name: '乐陵经济开发区',
    shortName: '乐陵',
    ticketPrefix: 'LL',
    order: 6,
    summary: '乐陵经济开发区位于德州市。',
  })
  const parsed = CONTENT_KIND_SCHEMAS.zones.safeParse(zone)
  expect(parsed.success ? [] : parsed.error.issues).toEqual([])
})

test.each(CONTENT_KINDS)('every field of the %s form is a field of the record', (kind) => {
  const shape = (CONTENT_KIND_SCHEMAS[kind] as unknown as { shape: Record<string, unknown> }).shape
  for (const field of FORMS[kind].flatMap((group) => group.fields)) expect(Object.keys(shape)).toContain(field.path.split('.')[0])
  // And a new record has a place for each (nested fields under an existing object).
  if (kind !== 'zones') {
    const record = newRecord(kind, 'pingyuan', 'pingyuan-x-1')
    for (const field of FORMS[kind].flatMap((group) => group.fields)) {
      const parent = field.path.split('.').slice(0, -1).join('.')
      if (parent) expect(typeof getAt(record, parent)).toBe('object')
    }
  }
})
