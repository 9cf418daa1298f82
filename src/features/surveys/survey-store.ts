import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { SurveyForInvestor } from '@/types/surveys'
import type { AnswerValue } from '@/types/survey-vocabulary'
import { ApiError, errorMessage } from '@/api/client'
import { taroStorage } from '@/lib/storage'
import { useSession } from '@/features/session/session-store'
import { getSurvey, submitSurveyResponse } from './api'
import { emptySurveyDraft, validateSurveyDraft, type SurveyDraft, type SurveyErrors } from './internal/answers'

interface SurveyState {
  id: string | null
  data: SurveyForInvestor | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  missing: boolean
  /** What the investor typed, per survey id, kept on the phone until it is sent. */
  drafts: Record<string, SurveyDraft>
  errors: SurveyErrors
  submitting: boolean
  submitError: string | null
  /** The answer was just saved (first time or replaced). */
  saved: 'created' | 'updated' | null
  load: (id: string) => Promise<void>
  setContact: (key: 'company' | 'contactName' | 'mobile', value: string) => void
  setAnswer: (questionId: string, value: AnswerValue | undefined) => void
  submit: () => Promise<boolean>
}

const patchDraft = (state: SurveyState, patch: (draft: SurveyDraft) => SurveyDraft, clear: string): Partial<SurveyState> => {
  if (!state.id) return {}
  const { [clear]: _cleared, ...errors } = state.errors
  return { drafts: { ...state.drafts, [state.id]: patch(state.drafts[state.id] ?? emptySurveyDraft()) }, errors, saved: null }
}

/** One survey, the investor's draft of their answer, and sending it. */
export const useSurvey = create<SurveyState>()(
  persist(
    (set, get) => ({
      id: null,
      data: null,
      status: 'idle',
      error: null,
      missing: false,
      drafts: {},
      errors: {},
      submitting: false,
      submitError: null,
      saved: null,
      load: async (id) => {
        const same = get().id === id && get().data !== null
        set({
          id,
          status: same ? 'ready' : 'loading',
          error: null,
          missing: false,
          errors: {},
          submitError: null,
          ...(same ? {} : { data: null, saved: null }),
        })
        try {
          // Signed in so the answer already sent comes with the survey.
          await useSession.getState().ensureInvestor()
          const data = await getSurvey(id)
          if (get().id !== id) return
          const drafts = get().drafts
          // Nothing typed yet: start from the answer already sent.
          const mine = data.myResponse
          const draft =
            drafts[id] ??
            (mine ? { company: mine.company, contactName: mine.contactName, mobile: mine.mobile, answers: mine.answers } : undefined)
          set({ data, status: 'ready', ...(draft ? { drafts: { ...drafts, [id]: draft } } : {}) })
        } catch (error) {
          if (get().id !== id) return
          set({ status: 'error', error: errorMessage(error), missing: error instanceof ApiError && error.statusCode === 404 })
        }
      },
      setContact: (key, value) => set((state) => patchDraft(state, (draft) => ({ ...draft, [key]: value }), key)),
      setAnswer: (questionId, value) =>
        set((state) =>
          patchDraft(
            state,
            (draft) => {
              const { [questionId]: _previous, ...answers } = draft.answers
              return { ...draft, answers: value === undefined ? answers : { ...answers, [questionId]: value } }
            },
            `answers.${questionId}`,
          ),
        ),
      submit: async () => {
        const { id, data, submitting, drafts } = get()
        if (!id || !data || submitting) return false
        const check = validateSurveyDraft(data.survey.questions, drafts[id] ?? emptySurveyDraft())
        if (!check.ok) {
          set({ errors: check.errors, submitError: null })
          return false
        }
        const replacing = data.myResponse !== null
        set({ submitting: true, errors: {}, submitError: null })
        try {
          await useSession.getState().ensureInvestor()
          const answered = await submitSurveyResponse(id, check.body)
          set({ submitting: false, data: answered, saved: replacing ? 'updated' : 'created' })
          return true
        } catch (error) {
          const fields = error instanceof ApiError ? error.fields : {}
          set({ submitting: false, errors: fields, submitError: errorMessage(error) })
          return false
        }
      },
    }),
    {
      name: 'parklink-survey-drafts',
      storage: taroStorage,
      version: 1,
      partialize: ({ drafts }) => ({ drafts }),
    },
  ),
)
