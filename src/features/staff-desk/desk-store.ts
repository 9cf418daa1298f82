import { create } from 'zustand'
import type { z } from 'zod'
import type { ZoneId } from '@/types/content'
import type { CannedReply, RequestStatus, StaffRef, StaffRequestDetail } from '@/types/service'
import { errorMessage } from '@/api/client'
import { actionRunner, type ActionState } from '@/lib/action-runner'
import {
  addInternalNote,
  assignRequest,
  changeRequestStatus,
  claimRequest,
  closeStaffRequest,
  createCannedReply,
  getStaffRequest,
  listCannedReplies,
  listStaffMembers,
  replyToRequest,
} from './api'

type Member = z.infer<typeof StaffRef>
type Canned = z.infer<typeof CannedReply>
export type DeskAction = 'claim' | 'assign' | 'reply' | 'note' | 'status' | 'canned'

/** actionError: the server's words for a refused action (409 invalid_transition, 403...). */
interface DeskState extends ActionState<DeskAction> {
  detail: StaffRequestDetail | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  members: Member[]
  cannedReplies: Canned[]
  load: (id: string) => Promise<void>
  loadMembers: () => Promise<void>
  loadCannedReplies: () => Promise<void>
  claim: () => Promise<boolean>
  assign: (staffId: string) => Promise<boolean>
  reply: (body: string) => Promise<boolean>
  note: (body: string) => Promise<boolean>
  setStatus: (status: RequestStatus) => Promise<boolean>
  /** 关闭工单 with a reason (the status route never closes). */
  close: (reason: string) => Promise<boolean>
  addCannedReply: (input: { zoneId?: ZoneId; title: string; body: string }) => Promise<boolean>
  clearActionError: () => void
}

/** One staff request being worked on: the detail and every action on it. */
export const useDesk = create<DeskState>()((set, get) => {
  const act = actionRunner<DeskAction, DeskState>(get, set, errorMessage)
  const detail = (answer: Promise<StaffRequestDetail>) => answer.then((next) => ({ detail: next }))

  return {
    id: null,
    detail: null,
    status: 'idle',
    error: null,
    busy: null,
    actionError: null,
    members: [],
    cannedReplies: [],

    load: async (id) => {
      const same = get().id === id && get().detail !== null
      set(same ? { error: null } : { id, detail: null, status: 'loading', error: null, actionError: null, busy: null })
      try {
        const detail = await getStaffRequest(id)
        if (get().id === id) set({ detail, status: 'ready' })
      } catch (error) {
        if (get().id !== id) return
        set(same ? { error: errorMessage(error) } : { status: 'error', error: errorMessage(error) })
      }
    },

    loadMembers: async () => {
      try {
        const { items } = await listStaffMembers()
        set({ members: items })
      } catch (error) {
        set({ actionError: `同事列表加载失败：${errorMessage(error)}` })
      }
    },

    loadCannedReplies: async () => {
      try {
        const { items } = await listCannedReplies()
        set({ cannedReplies: items })
      } catch (error) {
        set({ actionError: `常用回复加载失败：${errorMessage(error)}` })
      }
    },

    claim: () => act('claim', (id) => detail(claimRequest(id))),
    assign: (staffId) => act('assign', (id) => detail(assignRequest(id, staffId))),
    reply: (body) => act('reply', (id) => detail(replyToRequest(id, body.trim()))),
    note: (body) => act('note', (id) => detail(addInternalNote(id, body.trim()))),
    setStatus: (status) => act('status', (id) => detail(changeRequestStatus(id, status))),
    close: (reason) => act('status', (id) => detail(closeStaffRequest(id, reason.trim()))),

    addCannedReply: (input) =>
      act('canned', async () => {
        const created = await createCannedReply(input)
        return { cannedReplies: [...get().cannedReplies, created] }
      }),

    clearActionError: () => set({ actionError: null }),
  }
})
