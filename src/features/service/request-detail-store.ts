import { create } from 'zustand'
import { RatingBody, type ServiceRequest } from '@/types/service'
import { errorMessage } from '@/api/client'
import { actionRunner, type ActionState } from '@/lib/action-runner'
import { getServiceRequest, rateServiceRequest, sendFollowUp, withdrawServiceRequest } from './api'
import { useSession } from '@/features/session/session-store'

type Action = 'message' | 'rating' | 'withdraw'

interface RequestDetailState extends ActionState<Action> {
  request: ServiceRequest | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load: (id: string) => Promise<void>
  sendMessage: (body: string) => Promise<boolean>
  rate: (score: number, comment: string) => Promise<boolean>
  withdraw: () => Promise<boolean>
}

export const useRequestDetail = create<RequestDetailState>()((set, get) => {
  const act = actionRunner<Action, RequestDetailState>(get, set, errorMessage)

  return {
    id: null,
    request: null,
    status: 'idle',
    error: null,
    busy: null,
    actionError: null,

    load: async (id) => {
      // Another request's data must never flash on this page.
      const same = get().id === id && get().request !== null
      set(same ? { error: null } : { id, request: null, status: 'loading', error: null, actionError: null })
      try {
        await useSession.getState().ensureInvestor()
        const request = await getServiceRequest(id)
        if (get().id === id) set({ request, status: 'ready' })
      } catch (error) {
        if (get().id !== id) return
        set(same ? { error: errorMessage(error) } : { status: 'error', error: errorMessage(error) })
      }
    },

    sendMessage: (body) => act('message', async (id) => ({ request: await sendFollowUp(id, body.trim()) })),

    rate: async (score, comment) => {
      const parsed = RatingBody.safeParse({ score, comment: comment.trim() || undefined })
      if (!parsed.success) {
        set({ actionError: parsed.error.issues[0]?.message ?? '请选择评价' })
        return false
      }
      return act('rating', async (id) => ({ request: await rateServiceRequest(id, parsed.data) }))
    },

    withdraw: () => act('withdraw', async (id) => ({ request: await withdrawServiceRequest(id) })),
  }
})
