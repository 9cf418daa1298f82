import { currentStage, isDueSoon, isOverdue, projectSchedule, stageStateLabel, type ProjectStage, type StageState } from './project-stages'

const stage = (name: ProjectStage, state: StageState, plannedDate: string | null = null) => ({ stage: name, state, plannedDate })
const TODAY = '2026-11-18'

test('a stage is overdue only when not done and its planned day has passed', () => {
  expect(isOverdue(stage('permit', 'in_progress', '2026-11-17'), TODAY)).toBe(true)
  expect(isOverdue(stage('permit', 'in_progress', TODAY), TODAY)).toBe(false)
  expect(isOverdue(stage('permit', 'done', '2026-11-01'), TODAY)).toBe(false)
  expect(isOverdue(stage('permit', 'blocked', null), TODAY)).toBe(false)
  expect(stageStateLabel(stage('permit', 'not_started', '2026-11-01'), TODAY)).toBe('逾期')
  expect(stageStateLabel(stage('permit', 'blocked', '2026-11-01'), TODAY)).toBe('受阻')
})

test('due soon means within the reminder window, today included', () => {
  expect(isDueSoon(stage('land', 'in_progress', TODAY), TODAY)).toBe(true)
  expect(isDueSoon(stage('land', 'in_progress', '2026-11-21'), TODAY)).toBe(true)
  expect(isDueSoon(stage('land', 'in_progress', '2026-11-22'), TODAY)).toBe(false)
  expect(isDueSoon(stage('land', 'done', '2026-11-19'), TODAY)).toBe(false)
})

test('the schedule is red when overdue or blocked, amber when due soon, green otherwise', () => {
  expect(projectSchedule([stage('signed', 'done'), stage('land', 'in_progress', '2026-12-30')], TODAY)).toBe('green')
  expect(projectSchedule([stage('land', 'in_progress', '2026-11-20')], TODAY)).toBe('amber')
  expect(projectSchedule([stage('land', 'in_progress', '2026-11-20'), stage('permit', 'blocked')], TODAY)).toBe('red')
  expect(projectSchedule([stage('land', 'not_started', '2026-11-01')], TODAY)).toBe('red')
})

test('the current stage is the first not done in stage order, whatever order the rows come in', () => {
  expect(currentStage([stage('permit', 'not_started'), stage('signed', 'done'), stage('land', 'in_progress')])?.stage).toBe('land')
  expect(currentStage([stage('signed', 'done'), stage('producing', 'done')])).toBeNull()
})
