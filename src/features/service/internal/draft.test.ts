import {
  checkImageFile,
  emptyDraft,
  fieldErrorsFromServer,
  newIdempotencyKey,
  toRequestBody,
  validateDraft,
  visitDateOptions,
  type DraftFields,
} from './draft'
import { isChinaWorkday } from '@/types/working-days'

const good = (): DraftFields => ({
  ...emptyDraft(),
  type: 'site',
  zoneId: 'pingyuan',
  company: '山东德润新材料有限公司',
  contactName: '李明',
  mobile: '13800138000',
  description: '需要约 30 亩工业用地，想了解土地指标。',
})

test('a complete draft becomes the contract body (photos as ids, blanks dropped)', () => {
  const photo = { id: '6f1c2a7e-8b9d-4c3e-9f10-1a2b3c4d5e6f', url: '/uploads/x.jpg', contentType: 'image/jpeg', size: 1000 }
  const result = validateDraft({ ...good(), photos: [photo] })
  expect(result).toEqual({
    ok: true,
    body: expect.objectContaining({ type: 'site', zoneId: 'pingyuan', photos: [photo.id] }),
  })
  if (result.ok) expect(JSON.parse(JSON.stringify(result.body))).not.toHaveProperty('parkId')
})

test('every bad field gets its own Chinese message', () => {
  const result = validateDraft({ ...emptyDraft(), company: '山', mobile: '12345', description: '太短了' })
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.errors).toEqual({
    type: '请选择需求类型',
    zoneId: '请选择开发区',
    company: '请填写企业名称（至少 2 个字）',
    contactName: '请填写联系人',
    mobile: '请填写 11 位中国大陆手机号',
    description: '请至少用 10 个字描述需求',
  })
})

test('length limits and whitespace are judged as the server will', () => {
  const result = validateDraft({ ...good(), contactName: '   ', description: 'x'.repeat(1001) })
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.errors.contactName).toBe('请填写联系人')
  expect(result.errors.description).toBe('需求描述不能超过 1000 个字')
})

test("the server's field reasons land on the form fields", () => {
  expect(fieldErrorsFromServer({ mobile: '该手机号格式不正确', 'photos.1': '图片不存在或已过期', other: 'x' })).toEqual({
    mobile: '该手机号格式不正确',
    photos: '图片不存在或已过期',
  })
})

test('only images up to 5 MB may be uploaded', () => {
  expect(checkImageFile({ path: 'wxfile://tmp/a.jpg', size: 1024, fileType: 'image' })).toBeNull()
  expect(checkImageFile({ path: 'blob:http://x/1', size: 1024, fileType: 'image/png' })).toBeNull()
  expect(checkImageFile({ path: 'blob:http://x/2', size: 1024, fileType: 'application/pdf' })).toBe('只能上传图片')
  expect(checkImageFile({ path: 'wxfile://tmp/a.mp4', size: 1024, fileType: 'video' })).toBe('只能上传图片')
  expect(checkImageFile({ path: 'wxfile://tmp/big.jpg', size: 5 * 1024 * 1024 + 1, fileType: 'image' })).toBe('图片不能超过 5 MB')
  // The server takes JPEG, PNG, WebP and GIF only.
  expect(checkImageFile({ path: 'blob:http://x/3', size: 1024, fileType: 'image/heic' })).toBe('只支持 JPG、PNG、WebP、GIF 图片')
  expect(checkImageFile({ path: 'wxfile://tmp/a.bmp', size: 1024, fileType: 'image' })).toBe('只支持 JPG、PNG、WebP、GIF 图片')
})

test('idempotency keys are v4 UUIDs and differ per submission', () => {
  const a = newIdempotencyKey()
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  expect(newIdempotencyKey()).not.toBe(a)
})

test('visit days are the next working days of the China calendar, holidays and weekends left out', () => {
  // 2026-09-30 is a Wednesday; the National Day holiday follows.
  const options = visitDateOptions('2026-09-30', 3)
  expect(options).toHaveLength(3)
  expect(options.every((option) => isChinaWorkday(option.value))).toBe(true)
  expect(options[0].value).toBe('2026-10-08')
  expect(visitDateOptions('2026-12-04', 2)).toEqual([
    { value: '2026-12-07', label: '12月7日 周一' },
    { value: '2026-12-08', label: '12月8日 周二' },
  ])
})

test('a listing and a visit day go out only with a 选址与厂房 request', () => {
  const draft = { ...emptyDraft(), spaceId: 'pingyuan-jingde-phase1-factory', preferredVisitDate: '2026-12-07' }
  expect(toRequestBody({ ...draft, type: 'site' })).toMatchObject({
    spaceId: 'pingyuan-jingde-phase1-factory',
    preferredVisitDate: '2026-12-07',
  })
  expect(toRequestBody({ ...draft, type: 'finance' })).toMatchObject({ spaceId: undefined, preferredVisitDate: undefined })
})
