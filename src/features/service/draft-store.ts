import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ZoneId } from '@/types/content'
import type { RequestType, ServiceRequest } from '@/types/service'
import type { ProjectStage } from '@/types/project-stages'
import { taroStorage } from '@/lib/storage'
import { ApiError, errorMessage } from '@/api/client'
import { createServiceRequest, uploadImage } from './api'
import { useSession } from '@/features/session/session-store'
import {
  MAX_PHOTOS,
  checkImageFile,
  emptyDraft,
  fieldErrorsFromServer,
  newIdempotencyKey,
  policyTopic,
  validateDraft,
  type DraftFields,
  type FieldErrors,
  type PickedFile,
} from './internal/draft'

export interface UploadItem {
  key: string
  /** Local temp path, shown while uploading. */
  path: string
  progress: number
  status: 'uploading' | 'failed'
  error: string | null
}

interface ServiceDraftState {
  fields: DraftFields
  /** Generated on the first send of this draft and kept until it succeeds, so retries never duplicate. */
  idempotencyKey: string | null
  errors: FieldErrors
  uploads: UploadItem[]
  submitting: boolean
  submitError: string | null
  /** An earlier send reached the server, then the draft changed (422 idempotency_mismatch). */
  conflict: boolean
  created: ServiceRequest | null

  setField: <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => void
  /**
   * From the page the investor came from: a park (?zoneId=…&parkId=…), a listing (&type=site&spaceId=…,
   * 预约看厂), a policy (&type=…&policy=…, whose title starts an empty description) or a followed project
   * (&projectId=…&projectStage=…). What the investor already typed is kept.
   */
  prefill: (query: {
    zoneId?: ZoneId
    parkId?: string
    type?: RequestType
    policy?: string
    spaceId?: string
    projectId?: string
    projectStage?: ProjectStage
  }) => void
  addFiles: (files: PickedFile[]) => Promise<void>
  retryUpload: (key: string) => Promise<void>
  removeUpload: (key: string) => void
  removePhoto: (id: string) => void
  submit: () => Promise<ServiceRequest | null>
  /** After a conflict: send the current draft as a new request. */
  submitAsNew: () => Promise<ServiceRequest | null>
  /** Leave the success screen for a fresh form. */
  startOver: () => void
}

let uploadSeq = 0

export const useServiceDraft = create<ServiceDraftState>()(
  persist(
    (set, get) => {
      const patchUpload = (key: string, patch: Partial<UploadItem>) =>
        set((s) => ({ uploads: s.uploads.map((u) => (u.key === key ? { ...u, ...patch } : u)) }))

      const runUpload = async (item: UploadItem) => {
        try {
          const { token } = await useSession.getState().ensureInvestor()
          const photo = await uploadImage(item.path, { token, onProgress: (progress) => patchUpload(item.key, { progress }) })
          set((s) => {
            // Removed while uploading: drop the result.
            if (!s.uploads.some((u) => u.key === item.key)) return s
            return {
              uploads: s.uploads.filter((u) => u.key !== item.key),
              fields: { ...s.fields, photos: [...s.fields.photos, photo].slice(0, MAX_PHOTOS) },
            }
          })
        } catch (error) {
          patchUpload(item.key, { status: 'failed', error: errorMessage(error) })
        }
      }

      const send = async (key: string): Promise<ServiceRequest | null> => {
        const check = validateDraft(get().fields)
        if (!check.ok) {
          set({ errors: check.errors, submitError: null })
          return null
        }
        // Marked busy before the first await: a double tap finds `submitting` already set.
        set({ submitting: true, errors: {}, submitError: null, conflict: false, idempotencyKey: key })
        const attempt = async () => {
          await useSession.getState().ensureInvestor()
          return createServiceRequest(check.body, key)
        }
        try {
          let created: ServiceRequest
          try {
            created = await attempt()
          } catch (error) {
            // Expired session: sign in again once, same key.
            if (error instanceof ApiError && error.statusCode === 401) created = await attempt()
            else throw error
          }
          set({ submitting: false, created, fields: emptyDraft(), idempotencyKey: null, uploads: [], errors: {} })
          return created
        } catch (error) {
          const apiError = error instanceof ApiError ? error : null
          if (apiError?.code === 'idempotency_mismatch') {
            set({ submitting: false, conflict: true, submitError: null })
            return null
          }
          // Offline, timeout or server trouble: the request may have been created, so keep the key.
          // A definite refusal (4xx) created nothing, so the next send starts a fresh submission.
          const outcomeUnknown = !apiError || apiError.statusCode === 0 || apiError.statusCode >= 500
          set({
            submitting: false,
            idempotencyKey: outcomeUnknown ? key : null,
            errors: apiError ? fieldErrorsFromServer(apiError.fields) : {},
            submitError: errorMessage(error),
          })
          return null
        }
      }

      return {
        fields: emptyDraft(),
        idempotencyKey: null,
        errors: {},
        uploads: [],
        submitting: false,
        submitError: null,
        conflict: false,
        created: null,

        setField: (key, value) =>
          set((s) => {
            const { [key]: _cleared, ...errors } = s.errors
            const fields = { ...s.fields, [key]: value }
            // A park, a listing and a followed project belong to one zone.
            if (key === 'zoneId' && value !== s.fields.zoneId)
              Object.assign(fields, { parkId: null, spaceId: null, projectId: null, projectStage: null })
            return { fields, errors }
          }),

        prefill: ({ zoneId, parkId, type, policy, spaceId, projectId, projectStage }) =>
          set((s) => {
            const fields = { ...s.fields }
            if (zoneId) {
              fields.zoneId = zoneId
              fields.parkId = parkId ?? (zoneId === s.fields.zoneId ? s.fields.parkId : null)
              // A project link and a listing belong to the page that opened the form; any other entry clears them.
              fields.projectId = projectId && projectStage ? projectId : null
              fields.projectStage = projectId && projectStage ? projectStage : null
              fields.spaceId = spaceId ?? null
              if (!spaceId) fields.preferredVisitDate = null
            }
            if (type) fields.type = type
            if (policy && !s.fields.description.trim()) fields.description = policyTopic(policy)
            return { fields }
          }),

        addFiles: async (files) => {
          const { fields, uploads } = get()
          const room = MAX_PHOTOS - fields.photos.length - uploads.length
          const problems = files.map(checkImageFile).filter((p): p is string => p !== null)
          const accepted = files.filter((f) => checkImageFile(f) === null).slice(0, Math.max(0, room))
          const notice = problems[0] ?? (files.length > room ? `最多上传 ${MAX_PHOTOS} 张图片` : null)
          // A new pick replaces the previous pick's notice (it stays visible while this pick uploads).
          set((s) => {
            const { photos: _previous, ...errors } = s.errors
            return { errors: notice ? { ...errors, photos: notice } : errors }
          })
          const items = accepted.map((file): UploadItem => ({
            key: `up-${++uploadSeq}`,
            path: file.path,
            progress: 0,
            status: 'uploading',
            error: null,
          }))
          if (!items.length) return
          set((s) => ({ uploads: [...s.uploads, ...items] }))
          await Promise.all(items.map(runUpload))
        },

        retryUpload: async (key) => {
          const item = get().uploads.find((u) => u.key === key)
          if (!item || item.status !== 'failed') return
          const next = { ...item, status: 'uploading' as const, progress: 0, error: null }
          patchUpload(key, next)
          await runUpload(next)
        },

        removeUpload: (key) => set((s) => ({ uploads: s.uploads.filter((u) => u.key !== key) })),

        removePhoto: (id) =>
          set((s) => {
            const { photos: _previous, ...errors } = s.errors
            return { fields: { ...s.fields, photos: s.fields.photos.filter((p) => p.id !== id) }, errors }
          }),

        submit: async () => {
          const state = get()
          if (state.submitting) return null
          if (state.uploads.some((u) => u.status === 'uploading')) {
            set({ submitError: '图片还在上传，请稍候再提交' })
            return null
          }
          return send(state.idempotencyKey ?? newIdempotencyKey())
        },

        submitAsNew: async () => {
          if (get().submitting) return null
          return send(newIdempotencyKey())
        },

        startOver: () => set({ created: null, submitError: null, errors: {}, conflict: false }),
      }
    },
    {
      name: 'parklink-service-draft',
      storage: taroStorage,
      version: 1,
      // Only what the investor typed and the pending key; busy flags and results are per visit.
      partialize: ({ fields, idempotencyKey }) => ({ fields, idempotencyKey }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<Pick<ServiceDraftState, 'fields' | 'idempotencyKey'>>
        return { ...current, fields: { ...emptyDraft(), ...saved.fields }, idempotencyKey: saved.idempotencyKey ?? null }
      },
    },
  ),
)
