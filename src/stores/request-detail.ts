import { create } from 'zustand'
import { RatingBody, type ServiceRequest } from '@/types/service'
import { errorMessage } from '@/api/client'
import { getServiceRequest, rateServiceRequest, sendFollowUp, withdrawServiceRequest } from '@/api/requests'
import { useSession } from '@/features/session/session-store'

type Action = 'message' | 'rating' | 'withdraw'

interface RequestDetailState {
  id: string | null
  request: ServiceRequest | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** The action in flight, so its button can show busy and ignore repeat taps. */
  busy: Action | null
  actionError: string | null
  load: (id: string) => Promise<void>
  sendMessage: (body: string) => Promise<boolean>
  rate: (score: number, comment: string) => Promise<boolean>
  withdraw: () => Promise<boolean>
}

export const useRequestDetail = create<RequestDetailState>()((set, get) => {
  const act = async (action: Action, run: (id: string) => Promise<ServiceRequest>): Promise<boolean> => {
    const { id, busy } = get()
    if (!id || busy) return false
    set({ busy: action, actionError: null })
    try {
      const request = await run(id)
      set({ request, busy: null })
      return true
    } catch (error) {
      set({ busy: null, actionError: errorMessage(error) })
      return false
    }
  }

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

    sendMessage: (body) => act('message', (id) => sendFollowUp(id, body.trim())),

    rate: async (score, comment) => {
      const parsed = RatingBody.safeParse({ score, comment: comment.trim() || undefined })
      if (!parsed.success) {
        set({ actionError: parsed.error.issues[0]?.message ?? '请选择评价' })
        return false
      }
      return act('rating', (id) => rateServiceRequest(id, parsed.data))
    },

    withdraw: () => act('withdraw', (id) => withdrawServiceRequest(id)),
  }
})
