import { checkAnswers, surveyStatus, type PlainQuestion } from './survey-vocabulary'

const questions: PlainQuestion[] = [
  { id: 'q1', type: 'single', title: '最急需解决的问题', required: true, options: ['用工', '融资'] },
  { id: 'q2', type: 'multiple', title: '希望提供的服务', required: false, options: ['政策解读', '银企对接'] },
  { id: 'q3', type: 'rating', title: '满意度', required: true, options: [] },
  { id: 'q4', type: 'text', title: '建议', required: false, options: [] },
]

test("valid answers are kept in the questions' option order; blanks of optional questions are dropped", () => {
  expect(checkAnswers(questions, { q1: '融资', q2: ['银企对接', '政策解读'], q3: 5, q4: '  ' })).toEqual({
    ok: true,
    answers: { q1: '融资', q2: ['政策解读', '银企对接'], q3: 5 },
  })
})

test('each wrong answer gets its own reason by answers.<question id>', () => {
  expect(checkAnswers(questions, { q1: '土地', q2: ['用工'], q3: 2.5, q4: 'x'.repeat(1001), q7: '多出来的题' })).toEqual({
    ok: false,
    fields: {
      'answers.q1': '请从选项中选择一项',
      'answers.q2': '请从选项中选择',
      'answers.q3': '请打 1–5 分',
      'answers.q4': '不能超过 1000 个字',
      'answers.q7': '问卷中没有这道题',
    },
  })
  expect(checkAnswers(questions, { q2: ['银企对接', '银企对接'] })).toEqual({
    ok: false,
    fields: { 'answers.q1': '此题为必答题，请选择', 'answers.q2': '同一选项不能重复选择', 'answers.q3': '此题为必答题，请选择' },
  })
})

test('a survey is open from its first day to the end of its last, China calendar', () => {
  const survey = { publishedAt: '2026-11-10T00:00:00Z', opensOn: '2026-11-18', closesOn: '2026-11-30' }
  expect(surveyStatus({ ...survey, publishedAt: null }, '2026-11-20')).toBe('draft')
  expect(surveyStatus(survey, '2026-11-17')).toBe('upcoming')
  expect(surveyStatus(survey, '2026-11-18')).toBe('open')
  expect(surveyStatus(survey, '2026-11-30')).toBe('open')
  expect(surveyStatus(survey, '2026-12-01')).toBe('closed')
})
