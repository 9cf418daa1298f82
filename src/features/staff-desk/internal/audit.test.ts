import { describeAudit } from './audit'

const entry = (action: string, detail: Record<string, unknown> = {}) => ({
  id: 'a',
  at: '2026-11-21T01:00:00Z',
  actor: '张三',
  action,
  detail,
})

test('audit entries read as plain Chinese', () => {
  expect(describeAudit(entry('status_changed', { from: 'accepted', to: 'waiting_investor' }))).toBe('更改了状态：已受理 → 等待企业补充')
  expect(describeAudit(entry('status_changed', { from: 'waiting_investor', to: 'in_progress', reason: 'investor_replied' }))).toBe(
    '更改了状态：等待企业补充 → 办理中（企业已补充）',
  )
  expect(describeAudit(entry('claimed', { from: null, to: 'stf-zhang', assigneeName: '张三' }))).toBe('认领了请求')
  expect(describeAudit(entry('assigned', { from: 'stf-zhang', to: 'stf-li', assigneeName: '李四' }))).toBe('转交了请求（给 李四）')
  expect(describeAudit(entry('rated', { score: 2 }))).toBe('评价了服务：2 分')
  expect(describeAudit(entry('escalated', { reason: 'low_rating', score: 2, supervisorName: '王五' }))).toBe('因低分评价转主管督办（王五）')
  expect(describeAudit(entry('note_added'))).toBe('添加了内部备注')
  expect(describeAudit(entry('filed_for_investor', { from: 'survey_response' }))).toBe('代企业转为请求（来自问卷答复）')
  expect(describeAudit(entry('filed_for_investor', { from: 'project_blocker', stage: 'permit' }))).toBe('代企业转为请求（来自项目受阻阶段）')
  expect(describeAudit(entry('something_new'))).toBe('something_new')
})

test('关闭工单 shows its reason in the audit trail', () => {
  expect(
    describeAudit({
      id: '9',
      at: '2026-11-22T03:00:00Z',
      actor: '赵小二',
      action: 'status_changed',
      detail: { from: 'resolved', to: 'closed', closeReason: '企业已另行解决' },
    }),
  ).toBe('更改了状态：已办结 → 已关闭（企业已另行解决）')
})
