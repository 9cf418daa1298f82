import { z } from 'zod'
import { Figure, orNotProvided } from '../../types/common'
import { describeIssues, formatContentPath, formatFieldPath } from './zod-issues'

const problems = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('expected a failure')
  return describeIssues(result.error.issues).map((problem) => `${formatContentPath(problem.path)}: ${problem.message}`)
}

describe('describeIssues', () => {
  it('words common issues in Chinese and keeps Chinese messages from the schema', () => {
    const schema = z.object({
      name: z.string().min(1),
      count: z.number().int().max(5),
      kind: z.enum(['a', 'b']),
      slug: z.string().regex(/^[a-z]+$/, '只能包含小写字母'),
      url: z.string().url(),
      tags: z.array(z.string()).max(1),
    })
    expect(problems(schema, { name: '', count: 6.5, kind: 'c', slug: 'A', url: 'x', tags: ['a', 'b'] })).toEqual([
      'name: 不能为空',
      'count: 应为整数',
      'kind: 应为以下之一：a、b',
      'slug: 只能包含小写字母',
      'url: 应为有效的网址',
      'tags: 最多 1 项',
    ])
    expect(problems(schema, {})[0]).toBe('name: 必填')
  })

  it('reports the branch of a union that got furthest', () => {
    const schema = z.object({ area: z.union([z.object({ figure: Figure }), z.literal('none')]) })
    expect(problems(schema, { area: { figure: { label: '面积', value: -1, unit: '亩' } } })).toEqual(['area.figure.value: 应为非负数'])
  })

  it('lists the options when no branch of a union matched at all', () => {
    expect(problems(z.object({ area: orNotProvided(Figure) }), { area: 'big' })).toEqual(['area: 应为对象，或应为 "not_provided"'])
  })
})

describe('path formats', () => {
  it('addresses content by array index and request fields with dots', () => {
    expect(formatContentPath([3, 'spaces', 1, 'id'])).toBe('[3].spaces[1].id')
    expect(formatFieldPath(['tags', '1'])).toBe('tags.1')
  })
})
