import { CreateServiceRequestBody, MAX_UPLOAD_BYTES, type ContactTime, type Photo, type RequestType } from '@/types/service'
import type { ZoneId } from '@/types/content'
import type { ProjectStage } from '@/types/project-stages'
import { addDays } from '@/types/china-time'
import { isChinaWorkday } from '@/types/working-days'

/** What the form holds while the investor types; kept in storage until sent. */
export interface DraftFields {
  type: RequestType | null
  zoneId: ZoneId | null
  parkId: string | null
  company: string
  contactName: string
  mobile: string
  description: string
  photos: Photo[]
  preferredContactTime: ContactTime | null
  /** 遇到问题找店小二 from a followed project: the project and the stage the problem is about. */
  projectId: string | null
  projectStage: ProjectStage | null
  /** 预约看厂/看地: the listing, set from its page. */
  spaceId: string | null
  /** YYYY-MM-DD, for 选址与厂房 requests. */
  preferredVisitDate: string | null
}

export type DraftField = keyof DraftFields
export type FieldErrors = Partial<Record<DraftField, string>>

export const DESCRIPTION_MIN = 10
export const DESCRIPTION_MAX = 1000
export const MAX_PHOTOS = 3

export const emptyDraft = (): DraftFields => ({
  type: null,
  zoneId: null,
  parkId: null,
  company: '',
  contactName: '',
  mobile: '',
  description: '',
  photos: [],
  preferredContactTime: null,
  projectId: null,
  projectStage: null,
  spaceId: null,
  preferredVisitDate: null,
})

/** How a description starts when the investor asks about a policy: staff see which one at once. */
export const policyTopic = (title: string): string => `咨询政策「${title.trim().slice(0, 80)}」：`

/** Order the form shows fields in: the first error scrolls into view. */
export const FIELD_ORDER: DraftField[] = [
  'type',
  'zoneId',
  'parkId',
  'company',
  'contactName',
  'mobile',
  'description',
  'photos',
  'spaceId',
  'preferredVisitDate',
  'preferredContactTime',
  'projectId',
  'projectStage',
]

// Used when the schema's own message is not Chinese (enums, ids).
const FALLBACK: Record<DraftField, string> = {
  type: '请选择需求类型',
  zoneId: '请选择开发区',
  parkId: '请选择园区',
  company: '请填写企业名称',
  contactName: '请填写联系人',
  mobile: '请填写 11 位中国大陆手机号',
  description: '请填写需求描述',
  photos: '图片有误，请删除后重新上传',
  preferredContactTime: '请选择方便联系的时间',
  projectId: '关联的项目有误，请从项目页面重新进入',
  projectStage: '请选择遇到问题的阶段',
  spaceId: '载体信息有误，请从载体页面重新进入',
  preferredVisitDate: '请选择看厂/看地日期',
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text)

const isDraftField = (key: string): key is DraftField => (FIELD_ORDER as string[]).includes(key)

/** The body the API expects, from the form: blanks dropped, photos as ids. */
export function toRequestBody(draft: DraftFields): Record<string, unknown> {
  return {
    type: draft.type ?? undefined,
    zoneId: draft.zoneId ?? undefined,
    parkId: draft.parkId ?? undefined,
    company: draft.company,
    contactName: draft.contactName,
    mobile: draft.mobile,
    description: draft.description,
    photos: draft.photos.map((photo) => photo.id),
    preferredContactTime: draft.preferredContactTime ?? undefined,
    projectId: draft.projectId ?? undefined,
    projectStage: draft.projectStage ?? undefined,
    // A listing and a visit day belong to a 选址与厂房 request only.
    spaceId: draft.type === 'site' ? (draft.spaceId ?? undefined) : undefined,
    preferredVisitDate: draft.type === 'site' ? (draft.preferredVisitDate ?? undefined) : undefined,
  }
}

/**
 * Days an investor can ask to visit a site: the next `count` working days (China calendar) after
 * `today` (YYYY-MM-DD), as the form's choices.
 */
export function visitDateOptions(today: string, count = 10): { value: string; label: string }[] {
  const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
  const options: { value: string; label: string }[] = []
  for (let offset = 1; options.length < count && offset <= count * 3 + 14; offset++) {
    const date = addDays(today, offset)
    if (!isChinaWorkday(date)) continue
    const [, month, day] = date.split('-').map(Number)
    const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]
    options.push({ value: date, label: `${month}月${day}日 ${weekday}` })
  }
  return options
}

export type DraftCheck = { ok: true; body: CreateServiceRequestBody } | { ok: false; errors: FieldErrors }

/** Runs the shared contract schema and keeps one Chinese message per field. */
export function validateDraft(draft: DraftFields): DraftCheck {
  const parsed = CreateServiceRequestBody.safeParse(toRequestBody(draft))
  if (parsed.success) return { ok: true, body: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '')
    if (!isDraftField(key) || errors[key]) continue
    errors[key] = hasChinese(issue.message) ? issue.message : FALLBACK[key]
  }
  return { ok: false, errors }
}

/** The server's `fields` (path → reason, e.g. "photos.1") folded onto form fields. */
export function fieldErrorsFromServer(fields: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {}
  for (const [path, message] of Object.entries(fields)) {
    const key = path.split('.')[0]
    if (isDraftField(key) && !errors[key]) errors[key] = message
  }
  return errors
}

export const firstErrorField = (errors: FieldErrors): DraftField | undefined => FIELD_ORDER.find((f) => errors[f])

/** Characters the counter shows: what the server will count after trimming. */
export const descriptionLength = (text: string) => text.trim().length

/** A picked file, as chooseMedia (weapp: fileType 'image') or H5 (fileType is the MIME type) reports it. */
export interface PickedFile {
  path: string
  size: number
  fileType?: string
}

// What the server accepts (it sniffs the bytes): JPEG, PNG, WebP, GIF.
const IMAGE_MIME = /^image\/(jpeg|png|webp|gif)$/
const IMAGE_EXTENSION = /\.(jpe?g|png|gif|webp)$/i
const HAS_EXTENSION = /\.[a-z0-9]{2,5}$/i
const UNSUPPORTED = '只支持 JPG、PNG、WebP、GIF 图片'

/** Client-side check before uploading; the server checks the bytes again. */
export function checkImageFile(file: PickedFile): string | null {
  const type = (file.fileType ?? '').toLowerCase()
  if (type.startsWith('image/')) {
    if (!IMAGE_MIME.test(type)) return UNSUPPORTED
  } else if (type === 'image' || type === '') {
    // weapp reports only "image"; temp paths keep the extension (blob: URLs on H5 have none).
    if (HAS_EXTENSION.test(file.path) && !IMAGE_EXTENSION.test(file.path)) return type ? UNSUPPORTED : '只能上传图片'
  } else {
    return '只能上传图片'
  }
  if (file.size > MAX_UPLOAD_BYTES) return '图片不能超过 5 MB'
  return null
}

/** RFC 4122 v4 shape; weapp has no crypto.randomUUID. Only needs to be unique per submission. */
export function newIdempotencyKey(random: () => number = Math.random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
