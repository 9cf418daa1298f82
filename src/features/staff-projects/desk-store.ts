import { create } from 'zustand'
import type { Invite, ReviewBody, StageUpdateBody, StaffProjectDetail, TeamBody } from '@/types/projects'
import type { ProjectStage } from '@/types/project-stages'
import type { StaffMemberList } from '@/types/service'
import { ApiError, errorMessage } from '@/api/client'
import { actionRunner, type ActionState } from '@/lib/action-runner'
import { addReview, blockerToRequest, createInvite, getStaffProject, listColleagues, updateStage, updateTeam } from './api'

type Action = 'stage' | 'team' | 'review' | 'invite' | 'request'

interface DeskState extends ActionState<Action> {
  detail: StaffProjectDetail | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  colleagues: StaffMemberList['items']
  /** The invite just made: its code is shown once. */
  invite: Invite | null
  /** Field → reason from the last refused action. */
  fieldErrors: Record<string, string>
  /** The ticket made from a blocker, to show. */
  madeRequest: { requestId: string; ticketNo: string } | null
  open: (id: string) => Promise<void>
  saveStage: (stage: ProjectStage, body: StageUpdateBody) => Promise<boolean>
  saveTeam: (body: TeamBody) => Promise<boolean>
  saveReview: (body: ReviewBody) => Promise<boolean>
  makeInvite: () => Promise<boolean>
  turnIntoRequest: (stage: ProjectStage) => Promise<boolean>
}

/** A project on the staff desk and what staff do to it; every action answers the whole project again. */
export const useProjectDesk = create<DeskState>()((set, get) => {
  const run = actionRunner<Action, DeskState>(get, (patch) => set(patch), errorMessage)
  const withFields = async (action: Action, work: (id: string) => Promise<Partial<DeskState>>) => {
    set({ fieldErrors: {} })
    const ok = await run(action, work)
    return ok
  }
  const refusal = (error: unknown) => {
    if (error instanceof ApiError) set({ fieldErrors: error.fields })
    throw error
  }
  return {
    id: null,
    busy: null,
    actionError: null,
    detail: null,
    status: 'idle',
    error: null,
    colleagues: [],
    invite: null,
    fieldErrors: {},
    madeRequest: null,
    open: async (id) => {
      const same = get().id === id && get().detail !== null
      set({
        id,
        status: same ? 'ready' : 'loading',
        error: null,
        actionError: null,
        fieldErrors: {},
        ...(same ? {} : { detail: null, invite: null, madeRequest: null }),
      })
      try {
        const detail = await getStaffProject(id)
        if (get().id !== id) return
        set({ detail, status: 'ready' })
        if (detail.canManage) {
          const { items } = await listColleagues(detail.project.zoneId)
          if (get().id === id) set({ colleagues: items })
        }
      } catch (error) {
        if (get().id === id) set({ status: 'error', error: errorMessage(error) })
      }
    },
    saveStage: (stage, body) => withFields('stage', async (id) => ({ detail: await updateStage(id, stage, body).catch(refusal) })),
    saveTeam: (body) => withFields('team', async (id) => ({ detail: await updateTeam(id, body).catch(refusal) })),
    saveReview: (body) => withFields('review', async (id) => ({ detail: await addReview(id, body).catch(refusal) })),
    makeInvite: () =>
      withFields('invite', async (id) => {
        const invite = await createInvite(id)
        return { invite, detail: await getStaffProject(id) }
      }),
    turnIntoRequest: (stage) =>
      withFields('request', async (id) => {
        const madeRequest = await blockerToRequest(id, stage)
        return { madeRequest, detail: await getStaffProject(id) }
      }),
  }
})
