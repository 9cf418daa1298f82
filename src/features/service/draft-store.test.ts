import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { fail, ok, requestsTo, serve, serviceRequest } from '../../../test/jest/service-fixtures'
import { useServiceDraft } from './draft-store'

beforeEach(() => resetApp())

const fill = () => {
  const { setField } = useServiceDraft.getState()
  setField('type', 'site')
  setField('zoneId', 'pingyuan')
  setField('company', '山东德润新材料有限公司')
  setField('contactName', '李明')
  setField('mobile', '13800138000')
  setField('description', '需要约 30 亩工业用地，想了解土地指标。')
}

const keysSent = () => requestsTo('/api/requests').map((r) => r.header?.['Idempotency-Key'])

test('a retry after a network failure reuses the same Idempotency-Key', async () => {
  let online = false
  serve({
    'POST /api/auth/guest': () => ok(investorSession()),
    'POST /api/requests': () => (online ? ok(serviceRequest(), 201) : Promise.reject(new Error('request:fail timeout'))),
  })
  fill()
  expect(await useServiceDraft.getState().submit()).toBeNull()
  expect(useServiceDraft.getState().submitError).toBe('网络连接失败，请检查网络后重试')
  // The draft and its key survive, as they would an app restart.
  expect(JSON.parse(taroMock.storage.get('parklink-service-draft') as string).state.idempotencyKey).toBe(keysSent()[0])

  online = true
  const created = await useServiceDraft.getState().submit()
  expect(created?.ticketNo).toBe('PY-20261121-0007')
  expect(keysSent()).toHaveLength(2)
  expect(keysSent()[1]).toBe(keysSent()[0])
  expect(useServiceDraft.getState().idempotencyKey).toBeNull()
})

test('a double tap sends once', async () => {
  let answer: (value: { statusCode: number; data: unknown }) => void = () => undefined
  serve({
    'POST /api/auth/guest': () => ok(investorSession()),
    'POST /api/requests': () => new Promise((resolve) => (answer = resolve)),
  })
  fill()
  const first = useServiceDraft.getState().submit()
  const second = useServiceDraft.getState().submit()
  expect(useServiceDraft.getState().submitting).toBe(true)
  await new Promise((r) => setTimeout(r, 0))
  answer(ok(serviceRequest(), 201))
  await Promise.all([first, second])
  expect(requestsTo('/api/requests')).toHaveLength(1)
})

test('a definite refusal starts a fresh submission next time; server field errors show inline', async () => {
  serve({
    'POST /api/auth/guest': () => ok(investorSession()),
    'POST /api/requests': () => fail(400, 'validation_error', '请求参数有误', { mobile: '该手机号无法接收短信' }),
  })
  fill()
  await useServiceDraft.getState().submit()
  expect(useServiceDraft.getState().errors).toEqual({ mobile: '该手机号无法接收短信' })
  expect(useServiceDraft.getState().idempotencyKey).toBeNull()
  await useServiceDraft.getState().submit()
  expect(keysSent()[1]).not.toBe(keysSent()[0])
})

test('a changed draft after an uncertain send is flagged, not silently duplicated', async () => {
  serve({
    'POST /api/auth/guest': () => ok(investorSession()),
    'POST /api/requests': () => fail(422, 'idempotency_mismatch', '该提交已处理，内容与之前不一致'),
  })
  fill()
  await useServiceDraft.getState().submit()
  expect(useServiceDraft.getState().conflict).toBe(true)
  const keyBefore = keysSent()[0]
  serve({ 'POST /api/requests': () => ok(serviceRequest(), 201) })
  await useServiceDraft.getState().submitAsNew()
  expect(keysSent()[1]).not.toBe(keyBefore)
  expect(useServiceDraft.getState().created).not.toBeNull()
})

test('success clears the draft, in memory and in storage', async () => {
  serve({ 'POST /api/auth/guest': () => ok(investorSession()), 'POST /api/requests': () => ok(serviceRequest(), 201) })
  fill()
  await useServiceDraft.getState().submit()
  expect(useServiceDraft.getState().fields.company).toBe('')
  const stored = JSON.parse(taroMock.storage.get('parklink-service-draft') as string).state
  expect(stored.fields.company).toBe('')
  expect(stored.idempotencyKey).toBeNull()
})

test('photos: checked on the device, uploaded with the investor token, removable', async () => {
  serve({ 'POST /api/auth/guest': () => ok(investorSession('inv-9')) })
  taroMock.onUpload(() => ({
    statusCode: 201,
    data: JSON.stringify({ id: '6f1c2a7e-8b9d-4c3e-9f10-1a2b3c4d5e6f', url: '/uploads/6f1c.jpg', contentType: 'image/jpeg', size: 2048 }),
  }))
  await useServiceDraft.getState().addFiles([
    { path: 'wxfile://a.jpg', size: 2048, fileType: 'image' },
    { path: 'wxfile://b.pdf', size: 10, fileType: 'application/pdf' },
  ])
  const state = useServiceDraft.getState()
  expect(state.fields.photos.map((p) => p.id)).toEqual(['6f1c2a7e-8b9d-4c3e-9f10-1a2b3c4d5e6f'])
  expect(state.errors.photos).toBe('只能上传图片')
  expect(taroMock.calls.uploads).toEqual([
    expect.objectContaining({
      url: 'http://api.test/api/uploads',
      name: 'file',
      header: expect.objectContaining({ Authorization: 'Bearer token-inv-9' }),
    }),
  ])
  state.removePhoto('6f1c2a7e-8b9d-4c3e-9f10-1a2b3c4d5e6f')
  expect(useServiceDraft.getState().fields.photos).toEqual([])
})

test("a refused upload shows the server's reason on that photo and can be retried", async () => {
  serve({ 'POST /api/auth/guest': () => ok(investorSession()) })
  taroMock.onUpload(() => ({
    statusCode: 415,
    data: JSON.stringify({ error: { code: 'unsupported_media_type', message: '只支持 JPG、PNG、WebP 图片' } }),
  }))
  await useServiceDraft.getState().addFiles([{ path: 'wxfile://a.jpg', size: 2048, fileType: 'image' }])
  const [item] = useServiceDraft.getState().uploads
  expect(item).toMatchObject({ status: 'failed', error: '只支持 JPG、PNG、WebP 图片' })

  taroMock.onUpload(() => ({
    statusCode: 201,
    data: JSON.stringify({ id: 'b7e2c1d0-1111-4222-8333-444455556666', url: '/uploads/b.jpg', contentType: 'image/jpeg', size: 10 }),
  }))
  await useServiceDraft.getState().retryUpload(item.key)
  expect(useServiceDraft.getState().uploads).toEqual([])
  expect(useServiceDraft.getState().fields.photos).toHaveLength(1)
})

test('at most three photos', async () => {
  serve({ 'POST /api/auth/guest': () => ok(investorSession()) })
  let n = 0
  taroMock.onUpload(() => ({
    statusCode: 201,
    data: JSON.stringify({ id: `b7e2c1d0-1111-4222-8333-44445555666${n++}`, url: '/u.jpg', contentType: 'image/jpeg', size: 1 }),
  }))
  const file = { path: 'wxfile://a.jpg', size: 1, fileType: 'image' }
  await useServiceDraft.getState().addFiles([file, file, file, file])
  expect(useServiceDraft.getState().fields.photos).toHaveLength(3)
  expect(useServiceDraft.getState().errors.photos).toBe('最多上传 3 张图片')
  expect(taroMock.calls.uploads).toHaveLength(3)
})
