import { buildTimeline } from './timeline'
import { serviceRequest } from '../../../test/jest/service-fixtures'

const NOW = Date.parse('2026-11-21T12:00:00Z')

test('each step of the closed loop carries its time and who did it', () => {
  const view = buildTimeline(
    serviceRequest({
      status: 'in_progress',
      timeline: [
        { step: 'submitted', at: '2026-11-21T01:00:00Z', actor: '您' },
        { step: 'accepted', at: '2026-11-21T01:30:00Z', actor: '店小二 张三' },
        { step: 'in_progress', at: '2026-11-21T02:00:00Z', actor: '店小二 张三' },
      ],
    }),
    NOW,
  )
  expect(view.steps.map((s) => s.label)).toEqual(['提交', '受理', '办理中', '已答复', '办结', '评价'])
  expect(view.value).toBe(3)
  expect(view.steps[1]).toMatchObject({ done: true, current: false, at: '11月21日 09:30', actor: '店小二 张三' })
  expect(view.steps[2]).toMatchObject({ done: true, current: true })
  expect(view.steps[3]).toMatchObject({ done: false, at: null, actor: null })
  expect(view.notice).toBeNull()
})

test('a step skipped on the way (replied without 办理中) shows as passed without a time', () => {
  const view = buildTimeline(
    serviceRequest({
      status: 'accepted',
      timeline: [
        { step: 'submitted', at: '2026-11-21T01:00:00Z', actor: '您' },
        { step: 'accepted', at: '2026-11-21T01:30:00Z', actor: '店小二 张三' },
        { step: 'replied', at: '2026-11-21T02:00:00Z', actor: '店小二 张三' },
      ],
    }),
    NOW,
  )
  expect(view.value).toBe(4)
  expect(view.steps[2]).toMatchObject({ done: true, at: null })
})

test('a low rating reopens the request: later steps are to do again, with a notice', () => {
  const view = buildTimeline(
    serviceRequest({
      status: 'in_progress',
      escalated: true,
      timeline: [
        { step: 'submitted', at: '2026-11-20T01:00:00Z', actor: '您' },
        { step: 'accepted', at: '2026-11-20T01:30:00Z', actor: '店小二 张三' },
        { step: 'replied', at: '2026-11-20T02:00:00Z', actor: '店小二 张三' },
        { step: 'resolved', at: '2026-11-20T08:00:00Z', actor: '店小二 张三' },
        { step: 'rated', at: '2026-11-20T09:00:00Z', actor: '您' },
        { step: 'in_progress', at: '2026-11-20T09:00:01Z', actor: '主管 王五' },
      ],
    }),
    NOW,
  )
  expect(view.value).toBe(3)
  expect(view.steps[2]).toMatchObject({ current: true, actor: '主管 王五' })
  expect(view.steps[4]).toMatchObject({ done: false, at: null })
  expect(view.notice).toBe('该请求已重新打开，由主管督办')
})

test('a withdrawn request says so', () => {
  expect(buildTimeline(serviceRequest({ status: 'withdrawn' }), NOW).notice).toBe('该请求已撤回，不再办理')
})

test('closed by staff: the last step reads 关闭 with the reason instead of 评价 (issue 15.6)', () => {
  const view = buildTimeline(
    serviceRequest({
      status: 'closed',
      timeline: [
        { step: 'submitted', at: '2026-11-21T01:00:00Z', actor: '您' },
        { step: 'accepted', at: '2026-11-21T01:30:00Z', actor: '店小二 张三' },
        { step: 'resolved', at: '2026-11-21T03:00:00Z', actor: '店小二 张三' },
        { step: 'closed', at: '2026-11-22T03:00:00Z', actor: '店小二 张三', note: '企业已另行解决' },
      ],
    }),
    NOW,
  )
  expect(view.steps.map((s) => s.label)).toEqual(['提交', '受理', '办理中', '已答复', '办结', '关闭'])
  expect(view.steps[5]).toMatchObject({ done: true, current: true, note: '企业已另行解决' })
})

test('a reply after 办结 does not undo 办结: timeline and tag both stay at 已办结', () => {
  const view = buildTimeline(
    serviceRequest({
      status: 'resolved',
      timeline: [
        { step: 'submitted', at: '2026-11-21T01:00:00Z', actor: '您' },
        { step: 'accepted', at: '2026-11-21T01:30:00Z', actor: '店小二 张三' },
        { step: 'resolved', at: '2026-11-21T03:00:00Z', actor: '店小二 张三' },
        { step: 'replied', at: '2026-11-21T04:00:00Z', actor: '店小二 张三' },
      ],
    }),
    NOW,
  )
  expect(view.steps.find((s) => s.current)?.label).toBe('办结')
  expect(view.steps[3]).toMatchObject({ done: true, at: '11月21日 12:00' })
})
