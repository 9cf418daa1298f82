import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { MatchInput, MatchResult } from '@/types/policy-match'
import { ApiError, errorMessage } from '@/api/client'
import { postPolicyMatch } from './api'
import { taroStorage } from '@/lib/storage'
import { todayString } from '@/lib/format'
import { EMPTY_MATCH_FORM, fieldErrors, matchLocally, validateMatchForm, type MatchForm, type MatchFormErrors } from './internal/match-form'
import { usePolicyDetails } from './details-store'

interface MatchState {
  form: MatchForm
  errors: MatchFormErrors
  status: 'idle' | 'loading' | 'ready' | 'error'
  result: MatchResult | null
  /** 'offline' when the result was computed on the device from cached policies. */
  source: 'online' | 'offline' | null
  /** How many cached policies the offline result covers. */
  offlineCount: number
  error: string | null
  /** The next page of the online result is loading. */
  loadingMore: boolean
  moreError: string | null
  setField: <K extends keyof MatchForm>(field: K, value: MatchForm[K]) => void
  submit: () => Promise<void>
  /** Appends the next page of the online result (加载更多). */
  loadMore: () => Promise<void>
  reset: () => void
}

// The input the shown result answers (its next pages use the same).
let lastInput: MatchInput | null = null

export const useMatch = create<MatchState>()(
  persist(
    (set, get) => ({
      form: EMPTY_MATCH_FORM,
      errors: {},
      status: 'idle',
      result: null,
      source: null,
      offlineCount: 0,
      error: null,
      loadingMore: false,
      moreError: null,
      setField: (field, value) => {
        const errors = { ...get().errors }
        delete errors[field]
        set({ form: { ...get().form, [field]: value }, errors })
      },
      submit: async () => {
        const checked = validateMatchForm(get().form)
        if (!checked.ok) {
          set({ errors: checked.errors })
          return
        }
        set({ errors: {}, status: 'loading', error: null })
        try {
          const result = await postPolicyMatch(checked.input)
          lastInput = checked.input
          set({ result, source: 'online', status: 'ready', offlineCount: 0 })
        } catch (error) {
          if (error instanceof ApiError && error.statusCode === 400 && Object.keys(error.fields).length > 0) {
            set({ errors: fieldErrors(error.fields), status: 'idle' })
            return
          }
          const records = Object.values(usePolicyDetails.getState().details).map(({ detail }) => ({
            policy: detail.policy,
            zoneName: detail.zone.name,
          }))
          // Offline: explain against the full policy records this device already holds, never against guesses.
          if (error instanceof ApiError && error.retryable && records.length > 0) {
            set({
              result: matchLocally(records, checked.input, todayString()),
              source: 'offline',
              offlineCount: records.length,
              status: 'ready',
              error: errorMessage(error),
            })
            return
          }
          set({ status: 'error', error: errorMessage(error), result: null, source: null })
        }
      },
      loadMore: async () => {
        const { result, loadingMore, source } = get()
        if (!result?.nextCursor || loadingMore || source !== 'online' || !lastInput) return
        set({ loadingMore: true, moreError: null })
        try {
          const next = await postPolicyMatch(lastInput, result.nextCursor)
          const seen = new Set(result.items.map((item) => item.policyId))
          set({
            result: {
              ...result,
              items: [...result.items, ...next.items.filter((item) => !seen.has(item.policyId))],
              nextCursor: next.nextCursor,
            },
            loadingMore: false,
          })
        } catch (error) {
          set({ loadingMore: false, moreError: errorMessage(error) })
        }
      },
      reset: () => set({ form: EMPTY_MATCH_FORM, errors: {}, status: 'idle', result: null, source: null, error: null }),
    }),
    {
      name: 'parklink-match',
      version: 1,
      storage: taroStorage,
      // The draft survives a restart; results are recomputed.
      partialize: ({ form }) => ({ form }),
      merge: (persisted, current) => ({ ...current, form: { ...EMPTY_MATCH_FORM, ...((persisted as Partial<MatchState>)?.form ?? {}) } }),
    },
  ),
)
