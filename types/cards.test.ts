import { CARD_SUMMARY_CHARS, teaser, toParkCard } from './cards'
import { z } from 'zod'
import { Park } from './content'
import parksJson from '../cloud/content/parks.json'
import { compareLatestProjects } from './cards'
import type { SignedProject } from './content'

const parks = z.array(Park).parse(parksJson)

describe('teaser', () => {
  it('keeps a text that fits as it is', () => {
    expect(teaser('京德智造产业园位于平原经济开发区。', 20)).toBe('京德智造产业园位于平原经济开发区。')
  })

  it('ends on the last whole sentence when it fills at least half the room', () => {
    const text = '园区规划面积10平方公里。已入驻企业73家，其中京津企业占比80%。园区提供标准厂房。'
    expect(teaser(text, 40)).toBe('园区规划面积10平方公里。已入驻企业73家，其中京津企业占比80%。')
  })

  it('cuts a long first sentence and marks the cut with an ellipsis', () => {
    const text = '园'.repeat(30) + '。'
    expect(teaser(text, 20)).toBe(`${'园'.repeat(19)}…`)
    expect(Array.from(teaser(text, 20))).toHaveLength(20)
  })

  it('never splits an emoji', () => {
    expect(teaser('🏭'.repeat(10), 5)).toBe('🏭🏭🏭🏭…')
  })
})

describe('最新签约项目 order', () => {
  const project = (id: string, date: string, rank: number) => ({ id, date, rank }) as SignedProject
  it('puts known dates first, newest first, then the editorial rank', () => {
    const projects = [project('undated-high', 'not_provided', 90), project('old', '2024-03-01', 10), project('undated-low', 'not_provided', 5), project('new', '2025-05-18', 1)]
    expect([...projects].sort(compareLatestProjects).map((p) => p.id)).toEqual(['new', 'old', 'undated-high', 'undated-low'])
  })
})

describe('toParkCard', () => {
  it('gives every seeded park a card summary that starts its full summary and fits the card', () => {
    for (const park of parks) {
      const card = toParkCard(park, '测试区')
      expect(Array.from(card.summary).length).toBeLessThanOrEqual(CARD_SUMMARY_CHARS)
      expect(park.summary.startsWith(card.summary.replace(/…$/u, ''))).toBe(true)
    }
  })
})
