import { create } from 'zustand'
import type { SurveyResults } from '@/types/surveys'
import { errorMessage } from '@/api/client'
import { actionRunner, type ActionState } from '@/lib/action-runner'
import { getSurveyResults, publishSurvey, responseToRequest } from './api'

type Action = 'publish' | 'request'

interface ResultsState extends ActionState<Action> {
  results: SurveyResults | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** The response being turned into a request (its button shows busy). */
  turning: string | null
  open: (id: string) => Promise<void>
  publish: () => Promise<boolean>
  turnIntoRequest: (responseId: string) => Promise<boolean>
}

/** A survey's results on the staff desk: publishing a draft, turning answers into 店小二 requests. */
export const useSurveyResults = create<ResultsState>()((set, get) => {
  const run = actionRunner<Action, ResultsState>(get, (patch) => set(patch), errorMessage)
  return {
    id: null,
    busy: null,
    actionError: null,
    results: null,
    status: 'idle',
    error: null,
    turning: null,
    open: async (id) => {
      const same = get().id === id && get().results !== null
      set({ id, status: same ? 'ready' : 'loading', error: null, actionError: null, ...(same ? {} : { results: null }) })
      try {
        const results = await getSurveyResults(id)
        if (get().id === id) set({ results, status: 'ready' })
      } catch (error) {
        if (get().id === id) set({ status: 'error', error: errorMessage(error) })
      }
    },
    publish: () =>
      run('publish', async (id) => {
        await publishSurvey(id)
        return { results: await getSurveyResults(id) }
      }),
    turnIntoRequest: async (responseId) => {
      set({ turning: responseId })
      const ok = await run('request', async (id) => {
        await responseToRequest(id, responseId)
        return { results: await getSurveyResults(id) }
      })
      set({ turning: null })
      return ok
    },
  }
})
