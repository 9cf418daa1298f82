import { SurveyBody, type Survey } from '@/types/surveys'
import type { QuestionType, SurveyKind } from '@/types/survey-vocabulary'
import { addDays, chinaDate } from '@/types/china-time'

/** A question as the editor holds it: options as typed, one per line. */
export interface EditorQuestion {
  key: number
  type: QuestionType
  title: string
  required: boolean
  optionsText: string
}

export interface EditorState {
  zoneId: string | null
  kind: SurveyKind
  title: string
  intro: string
  opensOn: string
  closesOn: string
  questions: EditorQuestion[]
}

let nextKey = 1
export const newQuestion = (type: QuestionType = 'single'): EditorQuestion => ({
  key: nextKey++,
  type,
  title: '',
  required: true,
  optionsText: '',
})

export const emptyEditor = (zoneId: string | null, now = Date.now()): EditorState => ({
  zoneId,
  kind: 'needs',
  title: '',
  intro: '',
  opensOn: chinaDate(now),
  closesOn: addDays(chinaDate(now), 14),
  questions: [newQuestion('single')],
})

export const fromSurvey = (survey: Survey): EditorState => ({
  zoneId: survey.zoneId,
  kind: survey.kind,
  title: survey.title,
  intro: survey.intro,
  opensOn: survey.opensOn,
  closesOn: survey.closesOn,
  questions: survey.questions.map((question) => ({
    key: nextKey++,
    type: question.type,
    title: question.title,
    required: question.required,
    optionsText: question.options.join('\n'),
  })),
})

const isChoice = (type: QuestionType) => type === 'single' || type === 'multiple'

/** The body for the API, and the contract's Chinese reasons by path (questions.0.options) when it is not valid. */
export function toSurveyBody(
  state: EditorState,
  withZone: boolean,
): { ok: true; body: SurveyBody } | { ok: false; errors: Record<string, string> } {
  const candidate = {
    ...(withZone && state.zoneId ? { zoneId: state.zoneId } : {}),
    kind: state.kind,
    title: state.title,
    intro: state.intro,
    opensOn: state.opensOn,
    closesOn: state.closesOn,
    questions: state.questions.map((question) => ({
      type: question.type,
      title: question.title,
      required: question.required,
      ...(isChoice(question.type)
        ? {
            options: question.optionsText
              .split('\n')
              .map((option) => option.trim())
              .filter(Boolean),
          }
        : {}),
    })),
  }
  const parsed = SurveyBody.safeParse(candidate)
  if (parsed.success) return { ok: true, body: parsed.data }
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.')
    errors[path] ??= /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '请检查此项'
  }
  return { ok: false, errors }
}
