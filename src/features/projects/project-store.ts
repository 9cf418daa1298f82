import { create } from 'zustand'
import type { InvestorProject } from '@/types/projects'
import { ApiError, errorMessage } from '@/api/client'
import { useSession } from '@/features/session/session-store'
import { claimProject, getProject } from './api'

interface ProjectState {
  id: string | null
  project: InvestorProject | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** 404: not followed by this investor (or gone). */
  missing: boolean
  claiming: boolean
  claimError: string | null
  load: (id: string) => Promise<void>
  /** Follows the invite's project; resolves the project on success. */
  claim: (code: string) => Promise<InvestorProject | null>
}

/** One followed project's timeline, and claiming an invite (which opens it). */
export const useProject = create<ProjectState>()((set, get) => ({
  id: null,
  project: null,
  status: 'idle',
  error: null,
  missing: false,
  claiming: false,
  claimError: null,
  load: async (id) => {
    const same = get().id === id && get().project !== null
    set({ id, status: same ? 'ready' : 'loading', error: null, missing: false, ...(same ? {} : { project: null }) })
    try {
      await useSession.getState().ensureInvestor()
      const project = await getProject(id)
      if (get().id === id) set({ project, status: 'ready' })
    } catch (error) {
      if (get().id !== id) return
      const missing = error instanceof ApiError && error.statusCode === 404
      set({ status: 'error', error: errorMessage(error), missing })
    }
  },
  claim: async (code) => {
    if (get().claiming) return null
    set({ claiming: true, claimError: null })
    try {
      await useSession.getState().ensureInvestor()
      const project = await claimProject(code)
      set({ claiming: false, id: project.project.id, project, status: 'ready', error: null, missing: false })
      return project
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {}
      set({ claiming: false, claimError: fields.code ?? errorMessage(error) })
      return null
    }
  },
}))
