import { randomUUID } from 'node:crypto'
import type { Db, Tx } from '../../db/client'
import { contentAudit } from '../../db/schema'

/** What the console, zone settings and account management record (content_audit, append-only). */
export type ConsoleAuditAction =
  | 'draft_saved'
  | 'draft_deleted'
  | 'published'
  | 'reverted'
  | 'zone_settings_changed'
  | 'account_created'
  | 'account_disabled'
  | 'account_enabled'
  | 'password_reset'
  | 'canned_reply_created'
  | 'canned_reply_updated'
  | 'canned_reply_deleted'
  | 'media_uploaded'

export const writeAudit = async (
  db: Db | Tx,
  entry: {
    action: ConsoleAuditAction
    zoneId: string | null
    staffId: string | null
    at: Date
    kind?: string
    recordId?: string
    detail?: Record<string, unknown>
  },
): Promise<void> => {
  await db.insert(contentAudit).values({
    id: randomUUID(),
    zoneId: entry.zoneId,
    action: entry.action,
    kind: entry.kind ?? null,
    recordId: entry.recordId ?? null,
    at: entry.at,
    staffId: entry.staffId,
    detail: entry.detail ?? {},
  })
}
