import { z } from 'zod'
import { DateString, ZoneId } from './content'
import { CalendarDay } from './projects'
import { MOBILE_PATTERN } from './service'
import { QUESTION_TYPES, SURVEY_KINDS, SURVEY_STATUSES } from './survey-vocabulary'

// 问需于企 / 问策于企 / 问效于企: a zone asks its companies what they need (plain values in survey-vocabulary.ts).

export const SurveyKind = z.enum(SURVEY_KINDS)
export type SurveyKind = z.infer<typeof SurveyKind>
export const QuestionType = z.enum(QUESTION_TYPES)
export type QuestionType = z.infer<typeof QuestionType>
export const SurveyStatus = z.enum(SURVEY_STATUSES)
export type SurveyStatus = z.infer<typeof SurveyStatus>

export const QuestionInput = z
  .object({
    type: QuestionType,
    title: z.string().trim().min(2, '请填写题目（至少 2 个字）').max(100, '题目不能超过 100 个字'),
    required: z.boolean(),
    /** Choices of a single or multiple choice question (2–10, distinct); none for text and rating. */
    options: z.array(z.string().trim().min(1, '选项不能为空').max(40, '选项不能超过 40 个字')).max(10, '最多 10 个选项').optional(),
  })
  .strict()
  .superRefine((question, context) => {
    const choice = question.type === 'single' || question.type === 'multiple'
    const options = question.options ?? []
    if (choice && options.length < 2) context.addIssue({ code: 'custom', path: ['options'], message: '选择题至少需要 2 个选项' })
    if (!choice && options.length > 0) context.addIssue({ code: 'custom', path: ['options'], message: '只有选择题可以设置选项' })
    if (new Set(options).size !== options.length) context.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复' })
  })
export type QuestionInput = z.infer<typeof QuestionInput>

/** Ids q1, q2 … in order, given by the API. */
export const Question = z.object({
  id: z.string(),
  type: QuestionType,
  title: z.string(),
  required: z.boolean(),
  options: z.array(z.string()),
})
export type Question = z.infer<typeof Question>

/** POST /api/staff/surveys (and PUT while a draft). */
export const SurveyBody = z
  .object({
    /** Admins name the zone; agents and supervisors ask their own. */
    zoneId: ZoneId.optional(),
    kind: SurveyKind,
    title: z.string().trim().min(4, '请填写问卷标题（至少 4 个字）').max(60, '标题不能超过 60 个字'),
    intro: z.string().trim().max(500, '说明不能超过 500 个字'),
    questions: z.array(QuestionInput).min(1, '请至少添加一道题').max(30, '最多 30 道题'),
    opensOn: CalendarDay,
    closesOn: CalendarDay,
  })
  .strict()
  .refine((body) => body.closesOn >= body.opensOn, { path: ['closesOn'], message: '截止日期不能早于开始日期' })
export type SurveyBody = z.infer<typeof SurveyBody>

export const Survey = z.object({
  id: z.string(),
  zoneId: ZoneId,
  zoneName: z.string(),
  kind: SurveyKind,
  title: z.string(),
  intro: z.string(),
  questions: z.array(Question),
  opensOn: DateString,
  closesOn: DateString,
  status: SurveyStatus,
  publishedAt: z.string().nullable(),
})
export type Survey = z.infer<typeof Survey>

export const SurveyCard = Survey.omit({ questions: true, intro: true }).extend({ questionCount: z.number().int() })
export type SurveyCard = z.infer<typeof SurveyCard>
export const SurveyList = z.object({ items: z.array(SurveyCard) })
export type SurveyList = z.infer<typeof SurveyList>

export const SurveyListQuery = z.object({ zoneId: ZoneId.optional() })

/** An answer: an option (single), options (multiple), text, or 1–5 (rating); checked by checkAnswers (survey-vocabulary.ts). */
export const AnswerValue = z.union([z.string(), z.array(z.string()), z.number()])
export type AnswerValue = z.infer<typeof AnswerValue>

/** POST /api/surveys/{id}/responses: one per investor and survey; sending again replaces it until the survey closes. */
export const SurveyResponseBody = z
  .object({
    company: z.string().trim().min(2, '请填写企业名称（至少 2 个字）').max(100, '企业名称不能超过 100 个字'),
    contactName: z.string().trim().min(1, '请填写联系人').max(30, '联系人不能超过 30 个字'),
    mobile: z.string().trim().regex(MOBILE_PATTERN, '请填写 11 位中国大陆手机号'),
    /** By question id; unanswered optional questions may be left out. */
    answers: z.record(z.string().max(8), AnswerValue),
  })
  .strict()
export type SurveyResponseBody = z.infer<typeof SurveyResponseBody>

export const MyResponse = z.object({
  company: z.string(),
  contactName: z.string(),
  mobile: z.string(),
  answers: z.record(z.string(), AnswerValue),
  submittedAt: z.string(),
  updatedAt: z.string(),
})
export type MyResponse = z.infer<typeof MyResponse>

/** GET /api/surveys/{id}: the survey, and the signed-in investor's own answer when there is one. */
export const SurveyForInvestor = z.object({
  survey: Survey,
  myResponse: MyResponse.nullable(),
})
export type SurveyForInvestor = z.infer<typeof SurveyForInvestor>

/** GET /api/surveys/mine: open surveys of the zones the investor deals with, and those they answered. */
export const MySurveyCard = SurveyCard.extend({ answered: z.boolean() })
export const MySurveyList = z.object({ items: z.array(MySurveyCard) })
export type MySurveyList = z.infer<typeof MySurveyList>

export const StaffSurveyCard = SurveyCard.extend({ responseCount: z.number().int() })
export type StaffSurveyCard = z.infer<typeof StaffSurveyCard>
export const StaffSurveyList = z.object({ items: z.array(StaffSurveyCard) })
export type StaffSurveyList = z.infer<typeof StaffSurveyList>

export const QuestionResult = z.object({
  id: z.string(),
  type: QuestionType,
  title: z.string(),
  /** Responses that answered this question. */
  answered: z.number().int(),
  /** Choice questions: every option with how many chose it. */
  options: z.array(z.object({ option: z.string(), count: z.number().int() })),
  /** Rating questions: the mean (null without answers) and how many gave 1 … 5. */
  average: z.number().nullable(),
  distribution: z.array(z.number().int()),
  /** Text questions: every answer with the company that gave it. */
  texts: z.array(z.object({ responseId: z.string(), company: z.string(), text: z.string() })),
})
export type QuestionResult = z.infer<typeof QuestionResult>

export const ResponseRow = z.object({
  id: z.string(),
  company: z.string(),
  contactName: z.string(),
  mobileMasked: z.string(),
  answers: z.record(z.string(), AnswerValue),
  submittedAt: z.string(),
  updatedAt: z.string(),
  /** The 店小二 request this answer became, once turned into one. */
  request: z.object({ id: z.string(), ticketNo: z.string() }).nullable(),
})
export type ResponseRow = z.infer<typeof ResponseRow>

export const SurveyResults = z.object({
  survey: Survey,
  responseCount: z.number().int(),
  questions: z.array(QuestionResult),
  responses: z.array(ResponseRow),
})
export type SurveyResults = z.infer<typeof SurveyResults>

export const ResponseRequest = z.object({ requestId: z.string(), ticketNo: z.string() })

export const SurveyExportQuery = z.object({ zoneId: ZoneId.optional(), surveyId: z.uuid('问卷编号格式不正确').optional() })
