import { z } from 'zod'
import { listOf } from './common'
import { StaffRole } from './auth'
import { Chain, ContentBundle, Enterprise, Park, Policy, ServiceCommitment, SignedProject, Space, Zone, ZoneId } from './content'
import { CONTENT_KINDS } from './vocabulary'

// The zone console (内容管理, issue 12): drafts, publishing, revisions, 资料完整度, zone settings and
// staff accounts. Records are validated by the same schemas as cloud/content/ (types/content.ts).

export const ContentKind = z.enum(CONTENT_KINDS, { error: '没有这种内容' })
export type ContentKind = z.infer<typeof ContentKind>

/** The record schema of each kind: a draft's body is exactly such a record. */
export const CONTENT_KIND_SCHEMAS = {
  zones: Zone,
  parks: Park,
  spaces: Space,
  policies: Policy,
  enterprises: Enterprise,
  projects: SignedProject,
  chains: Chain,
  commitments: ServiceCommitment,
} as const satisfies Record<ContentKind, z.ZodType>
export type ContentRecordOf<K extends ContentKind> = z.infer<(typeof CONTENT_KIND_SCHEMAS)[K]>
export type ContentRecord = ContentRecordOf<ContentKind>

/** Where each kind lives in a ContentBundle (and so in cloud/content/*.json). */
export const BUNDLE_KEY_OF_KIND = {
  zones: 'zones',
  parks: 'parks',
  spaces: 'spaces',
  policies: 'policies',
  enterprises: 'enterprises',
  projects: 'signedProjects',
  chains: 'chains',
  commitments: 'serviceCommitments',
} as const satisfies Record<ContentKind, keyof ContentBundle>

/** `PUT /api/staff/content/{kind}/{id}` and the routes under it. */
export const ContentRecordParams = z.object({
  kind: ContentKind,
  id: z.string().min(2).max(64),
})
export const ContentListParams = z.object({ kind: ContentKind })
export const ContentListQuery = z.object({ zoneId: ZoneId.optional() })

/** Who did something, as colleagues see it. */
export const StaffName = z.object({ id: z.string(), displayName: z.string() })
export type StaffName = z.infer<typeof StaffName>

/**
 * published: investors see it, no draft pending. changed: published, with a draft pending.
 * draft: never published (investors see nothing yet).
 */
export const RECORD_STATES = ['published', 'changed', 'draft'] as const
export const RecordState = z.enum(RECORD_STATES)
export type RecordState = z.infer<typeof RecordState>
export const RECORD_STATE_LABELS: Record<RecordState, string> = { published: '已发布', changed: '有待发布的修改', draft: '草稿（未发布）' }

export const ConsoleListItem = z.object({
  kind: ContentKind,
  id: z.string(),
  /** The zone itself for kind zones. */
  zoneId: ZoneId,
  /** Name or title, as the list shows it (the draft's when there is one). */
  title: z.string(),
  state: RecordState,
  /** Last publish (console or import), null when never published. */
  publishedAt: z.string().nullable(),
  draftSavedAt: z.string().nullable(),
  draftSavedBy: StaffName.nullable(),
})
export type ConsoleListItem = z.infer<typeof ConsoleListItem>
export const ConsoleList = listOf(ConsoleListItem)
export type ConsoleList = z.infer<typeof ConsoleList>

/** A record as the console edits it: what investors see now, and the pending draft. */
export const ConsoleRecord = z.object({
  kind: ContentKind,
  id: z.string(),
  zoneId: ZoneId,
  state: RecordState,
  /** The published record (null: never published). Its shape is CONTENT_KIND_SCHEMAS[kind]. */
  published: z.record(z.string(), z.unknown()).nullable(),
  publishedAt: z.string().nullable(),
  draft: z
    .object({
      record: z.record(z.string(), z.unknown()),
      savedAt: z.string(),
      savedBy: StaffName,
    })
    .nullable(),
  /**
   * Signed addresses (GET /api/media/{id}?exp&sig, valid a day) of the photos the draft or the
   * published record uses, by photo id: the console's previews, including photos no investor sees yet.
   */
  photoUrls: z.record(z.string(), z.string()),
})
export type ConsoleRecord = z.infer<typeof ConsoleRecord>

export const REVISION_ACTIONS = ['publish', 'revert', 'import', 'import_delete'] as const
export const RevisionAction = z.enum(REVISION_ACTIONS)
export const REVISION_ACTION_LABELS: Record<z.infer<typeof RevisionAction>, string> = {
  publish: '发布',
  revert: '恢复到早先版本',
  import: '内容导入',
  import_delete: '内容导入删除',
}

/** One changed field, readable: values as short text, `null` when absent before or after. */
export const FieldChange = z.object({
  /** `contact.phone`, `figures.2.value`. */
  path: z.string(),
  /** What people call it: 联系电话. */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
})
export type FieldChange = z.infer<typeof FieldChange>

/** Every publish, revert and import change of one record: who, when, which fields, the diff. */
export const Revision = z.object({
  id: z.string(),
  kind: ContentKind,
  recordId: z.string(),
  zoneId: ZoneId,
  action: RevisionAction,
  at: z.string(),
  /** null for a content import. */
  by: StaffName.nullable(),
  /** Top-level fields that changed. */
  changedFields: z.array(z.string()),
  diff: z.array(FieldChange),
  /** The record after this change (null when the import deleted it). */
  record: z.record(z.string(), z.unknown()).nullable(),
  /** For a revert: the revision it restored. */
  restoredRevisionId: z.string().nullable(),
})
export type Revision = z.infer<typeof Revision>
/** Newest first. */
export const RevisionList = listOf(Revision)
export type RevisionList = z.infer<typeof RevisionList>

export const RevertBody = z.object({ revisionId: z.uuid('请选择要恢复的版本') })

/** Answer of publish and revert: the record as investors now see it and the revision made. */
export const PublishResult = z.object({
  record: ConsoleRecord,
  revision: Revision,
  /** The content version investors get from now on. */
  version: z.string(),
})
export type PublishResult = z.infer<typeof PublishResult>

/** 资料完整度: what investors cannot see yet, per record. */
export const CompletenessGap = z.object({
  /** The field (or `spaces`, `photos` …) to fill in. */
  field: z.string(),
  /** 联系电话、地图位置、照片、有效期 … */
  label: z.string(),
})
export const CompletenessEntry = z.object({
  kind: ContentKind,
  id: z.string(),
  name: z.string(),
  parkId: z.string().nullable(),
  gaps: z.array(CompletenessGap),
})
export type CompletenessEntry = z.infer<typeof CompletenessEntry>
export const Completeness = z.object({
  zoneId: ZoneId,
  zone: CompletenessEntry,
  /** Every park of the zone, with its gaps (possibly none). */
  parks: z.array(CompletenessEntry),
  /** Other records with gaps (policies, spaces, chains …). */
  records: z.array(CompletenessEntry),
  gapCount: z.number().int().nonnegative(),
})
export type Completeness = z.infer<typeof Completeness>
export const CompletenessQuery = z.object({ zoneId: ZoneId.optional() })

/** POST /api/staff/uploads: a content photo, re-encoded; put `{ id, alt }` in a record's photos. */
export const MediaUpload = z.object({
  id: z.string(),
  /** GET /api/media/{id}: public once published content shows it. */
  url: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
})
export type MediaUpload = z.infer<typeof MediaUpload>
export const MediaUploadQuery = z.object({ zoneId: ZoneId.optional() })

// ---- Zone notification settings (admin) ----------------------------------------

export const ZoneSettings = z.object({
  zoneId: ZoneId,
  /** The zone's WeCom group robot (企业微信群机器人). */
  wecomWebhookUrl: z.string().nullable(),
  /** Subscribe-message template ids for replies and resolutions. */
  wechatTemplateReply: z.string().nullable(),
  wechatTemplateResolved: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: StaffName.nullable(),
})
export type ZoneSettings = z.infer<typeof ZoneSettings>

const templateId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '模板编号为 1–64 位字母、数字、下划线或连字符')
  .nullable()
export const ZoneSettingsBody = z
  .object({
    wecomWebhookUrl: z
      .url({ protocol: /^https$/, error: '应为 https:// 开头的企业微信机器人地址' })
      .max(500)
      .nullable(),
    wechatTemplateReply: templateId,
    wechatTemplateResolved: templateId,
  })
  .strict()
export type ZoneSettingsBody = z.infer<typeof ZoneSettingsBody>

// ---- Staff accounts (admin) -----------------------------------------------------

export const StaffAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: StaffRole,
  zoneId: ZoneId.nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
})
export type StaffAccount = z.infer<typeof StaffAccount>
export const StaffAccountList = listOf(StaffAccount)
export type StaffAccountList = z.infer<typeof StaffAccountList>
export const StaffAccountQuery = z.object({ zoneId: ZoneId.optional() })

export const STAFF_PASSWORD_MIN = 10
const Password = z.string().min(STAFF_PASSWORD_MIN, `密码至少 ${STAFF_PASSWORD_MIN} 个字符`).max(128, '密码最多 128 个字符')

export const CreateStaffAccountBody = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或连字符'),
    displayName: z.string().trim().min(1, '请填写姓名').max(30, '姓名最多 30 个字'),
    role: StaffRole,
    zoneId: ZoneId.nullable(),
    password: Password,
  })
  .strict()
export type CreateStaffAccountBody = z.infer<typeof CreateStaffAccountBody>

export const ResetPasswordBody = z.object({ password: Password }).strict()
