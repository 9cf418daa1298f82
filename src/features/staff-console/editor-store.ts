import { create } from 'zustand'
import { CONTENT_KIND_SCHEMAS, type ConsoleRecord, type ContentKind } from '@/types/console'
import { ApiError, errorMessage } from '@/api/client'
import { discardDraft, getContent, publishRecord, saveDraft } from './api'
import { issuesToFields } from './internal/issues'
import { setAt, type RecordValue } from './internal/record-path'
import { newRecord, toDraftBody } from './internal/templates'

type Busy = 'saving' | 'publishing' | 'discarding' | null

interface EditorState {
  kind: ContentKind | null
  id: string | null
  /** The record as the API has it (null for a record not saved yet). */
  loaded: ConsoleRecord | null
  /** The form's copy: the draft, else the published record, else a new record. */
  working: RecordValue | null
  dirty: boolean
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** Field errors, path → Chinese reason (the local check or the API's 400). */
  fields: Record<string, string>
  busy: Busy
  /** The last action's outcome, for a notice. */
  notice: { tone: 'ok' | 'error'; text: string } | null
  open: (kind: ContentKind, id: string, options?: { zoneId?: string; isNew?: boolean }) => Promise<void>
  change: (path: string, value: unknown) => void
  save: () => Promise<boolean>
  publish: () => Promise<boolean>
  discard: () => Promise<boolean>
}

let openRun = 0

/** Checks the form's record with the contract's schema; field errors when it fails. */
export function checkRecord(kind: ContentKind, record: RecordValue): { ok: true } | { ok: false; fields: Record<string, string> } {
  const parsed = CONTENT_KIND_SCHEMAS[kind].safeParse(toDraftBody(record))
  return parsed.success ? { ok: true } : { ok: false, fields: issuesToFields(parsed.error.issues) }
}

const apiFields = (error: unknown) => (error instanceof ApiError && error.statusCode === 400 ? error.fields : {})

/** The record being edited in the zone console: draft → publish, with field-level errors. */
export const useEditor = create<EditorState>()((set, get) => {
  const saveWorking = async (): Promise<boolean> => {
    const { kind, id, working } = get()
    if (!kind || !id || !working) return false
    const checked = checkRecord(kind, working)
    if (!checked.ok) {
      set({ fields: checked.fields, notice: { tone: 'error', text: '有内容需要修改，请看标红的字段' } })
      return false
    }
    try {
      const loaded = await saveDraft(kind, id, toDraftBody(working))
      set({ loaded, dirty: false, fields: {} })
      return true
    } catch (error) {
      const fields = apiFields(error)
      set({ fields, notice: { tone: 'error', text: Object.keys(fields).length ? '有内容需要修改，请看标红的字段' : errorMessage(error) } })
      return false
    }
  }

  return {
    kind: null,
    id: null,
    loaded: null,
    working: null,
    dirty: false,
    status: 'idle',
    error: null,
    fields: {},
    busy: null,
    notice: null,
    open: async (kind, id, { zoneId, isNew = false } = {}) => {
      const run = ++openRun
      set({ kind, id, loaded: null, working: null, dirty: false, status: 'loading', error: null, fields: {}, busy: null, notice: null })
      try {
        const loaded = await getContent(kind, id)
        if (run !== openRun) return
        const working = (loaded.draft?.record ?? loaded.published ?? null) as RecordValue | null
        set({ loaded, working, status: working ? 'ready' : 'error', error: working ? null : '这条记录没有内容' })
      } catch (error) {
        if (run !== openRun) return
        // A new record starts empty; once saved, reopening the same link shows the draft instead.
        if (isNew && kind !== 'zones' && zoneId && error instanceof ApiError && error.statusCode === 404) {
          set({ working: newRecord(kind, zoneId, id), status: 'ready' })
          return
        }
        set({ status: 'error', error: errorMessage(error) })
      }
    },
    change: (path, value) => {
      const { working, fields } = get()
      if (!working) return
      // The field's own errors go as soon as it is edited; the rest wait for the next check.
      const remaining = Object.fromEntries(Object.entries(fields).filter(([key]) => key !== path && !key.startsWith(`${path}.`)))
      set({ working: setAt(working, path, value), dirty: true, fields: remaining, notice: null })
    },
    save: async () => {
      if (get().busy) return false
      set({ busy: 'saving', notice: null })
      const saved = await saveWorking()
      set({ busy: null, ...(saved ? { notice: { tone: 'ok' as const, text: '草稿已保存，发布前投资者看不到' } } : {}) })
      return saved
    },
    publish: async () => {
      const { kind, id, busy } = get()
      if (!kind || !id || busy) return false
      set({ busy: 'publishing', notice: null })
      // Unsaved edits are saved as the draft first: what is published is what was checked.
      if ((get().dirty || !get().loaded?.draft) && !(await saveWorking())) {
        set({ busy: null })
        return false
      }
      try {
        const result = await publishRecord(kind, id)
        const working = (result.record.published ?? get().working) as RecordValue
        set({ loaded: result.record, working, dirty: false, busy: null, notice: { tone: 'ok', text: '已发布，投资者几秒内即可看到' } })
        return true
      } catch (error) {
        const fields = apiFields(error)
        set({ busy: null, fields, notice: { tone: 'error', text: errorMessage(error) } })
        return false
      }
    },
    discard: async () => {
      const { kind, id, busy, loaded } = get()
      if (!kind || !id || busy || !loaded?.draft) return false
      set({ busy: 'discarding', notice: null })
      try {
        await discardDraft(kind, id)
        const fresh = await getContent(kind, id).catch(() => null)
        set({
          loaded: fresh,
          working: (fresh?.published ?? null) as RecordValue | null,
          dirty: false,
          fields: {},
          busy: null,
          notice: { tone: 'ok', text: '草稿已放弃' },
        })
        return true
      } catch (error) {
        set({ busy: null, notice: { tone: 'error', text: errorMessage(error) } })
        return false
      }
    },
  }
})
