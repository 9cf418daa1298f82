import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { investorSession, resetApp } from '../../../test/jest/app-state'
import { catalogRoutes, ok, requestsTo, serve, serviceRequest } from '../../../test/jest/service-fixtures'
import { useServiceDraft } from '@/features/service/draft-store'
import { useSpaceDetails } from '@/features/spaces/space-details-store'
import { spaceDetail } from '../../../test/jest/content-fixtures'
import { usePrivacy } from '@/features/service/privacy-store'
import { PRIVACY_NOTICE_VERSION } from '@/features/service/internal/privacy'
import ServicePage from './index'

beforeEach(() => {
  resetApp()
  serve({
    ...catalogRoutes(),
    'POST /api/auth/guest': () => ok(investorSession()),
    'POST /api/requests': () => ok(serviceRequest({ ticketNo: 'PY-20261121-0007', firstResponseDueAt: '2026-11-22T06:05:00Z' }), 201),
  })
})

const agree = () => usePrivacy.getState().agree()
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const choose = async (group: string, option: string) =>
  fireEvent.click(await within(await screen.findByRole('radiogroup', { name: group })).findByRole('radio', { name: `${group}：${option}` }))

test('asks for consent before showing anything to fill; 不同意 collects nothing', async () => {
  render(<ServicePage />)
  expect(await screen.findByText('个人信息保护提示')).toBeTruthy()
  expect(screen.getByText(/企业名称、联系人、手机号、需求描述、图片、微信标识或设备标识/)).toBeTruthy()
  fireEvent.click(screen.getByText('不同意'))
  expect(await screen.findByText('需要您的同意才能提交服务请求')).toBeTruthy()
  expect(screen.queryByLabelText('企业名称')).toBeNull()
  fireEvent.click(screen.getByText('重新查看并同意'))
  fireEvent.click(await screen.findByText('同意并继续'))
  expect(usePrivacy.getState().consent?.version).toBe(PRIVACY_NOTICE_VERSION)
  expect(screen.getByLabelText('企业名称')).toBeTruthy()
})

test('an empty form shows a Chinese reason under each bad field and sends nothing', async () => {
  agree()
  render(<ServicePage />)
  type('手机号', '1380013')
  type('需求描述', '要地')
  fireEvent.click(screen.getByText('提交需求'))
  expect(await screen.findByText('请选择需求类型')).toBeTruthy()
  expect(screen.getByText('请选择开发区')).toBeTruthy()
  expect(screen.getByText('请填写企业名称（至少 2 个字）')).toBeTruthy()
  expect(screen.getByText('请填写联系人')).toBeTruthy()
  expect(screen.getByText('请填写 11 位中国大陆手机号')).toBeTruthy()
  expect(screen.getByText('请至少用 10 个字描述需求')).toBeTruthy()
  expect(requestsTo('/api/requests')).toHaveLength(0)
  // Fixing a field clears its message.
  type('手机号', '13800138000')
  expect(screen.queryByText('请填写 11 位中国大陆手机号')).toBeNull()
})

test('a filled form is sent once and the success screen shows the ticket and the due time', async () => {
  agree()
  render(<ServicePage />)
  await choose('需求类型', '选址与厂房')
  await choose('开发区', '平原经济开发区')
  type('企业名称', '山东德润新材料有限公司')
  type('联系人', '李明')
  type('手机号', '13800138000')
  type('需求描述', '需要约 30 亩工业用地，想了解土地指标。')
  await choose('方便联系的时间', '工作日上午')
  const submit = screen.getByText('提交需求')
  fireEvent.click(submit)
  fireEvent.click(submit)
  expect(await screen.findByText('提交成功')).toBeTruthy()
  expect(screen.getByText('PY-20261121-0007')).toBeTruthy()
  expect(screen.getByText('24小时内响应')).toBeTruthy()
  expect(screen.getByText(/最迟 11月22日 14:05 前/)).toBeTruthy()

  const sent = requestsTo('/api/requests')
  expect(sent).toHaveLength(1)
  expect(sent[0].data).toMatchObject({ type: 'site', zoneId: 'pingyuan', mobile: '13800138000', preferredContactTime: 'workday_morning' })
  expect(sent[0].header?.['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
  // H5 build: no WeChat subscription button.
  expect(screen.queryByText('订阅回复通知')).toBeNull()
  fireEvent.click(screen.getByText('查看请求进展'))
  expect(taroMock.calls.redirectTo).toEqual(['/pages/request/index?id=req-1'])
})

test('if an interrupted send already arrived and the draft changed, it asks before sending a new request', async () => {
  agree()
  let answered = 0
  serve({
    ...catalogRoutes(),
    'POST /api/auth/guest': () => ok(investorSession()),
    'POST /api/requests': () =>
      answered++ === 0
        ? { statusCode: 422, data: { error: { code: 'idempotency_mismatch', message: '该提交已处理，内容与之前不一致' } } }
        : ok(serviceRequest(), 201),
  })
  render(<ServicePage />)
  await choose('需求类型', '选址与厂房')
  await choose('开发区', '平原经济开发区')
  type('企业名称', '山东德润新材料有限公司')
  type('联系人', '李明')
  type('手机号', '13800138000')
  type('需求描述', '需要约 30 亩工业用地，想了解土地指标。')
  fireEvent.click(screen.getByText('提交需求'))
  expect(await screen.findByText('上次提交可能已送达')).toBeTruthy()
  fireEvent.click(screen.getByText('作为新需求提交'))
  expect(await screen.findByText('提交成功')).toBeTruthy()
  const keys = requestsTo('/api/requests').map((r) => r.header?.['Idempotency-Key'])
  expect(keys).toHaveLength(2)
  expect(keys[1]).not.toBe(keys[0])
})

test('the draft survives leaving the page and reopening the app', async () => {
  agree()
  const first = render(<ServicePage />)
  type('企业名称', '山东德润新材料有限公司')
  type('需求描述', '需要约 30 亩工业用地。')
  first.unmount()

  // A fresh launch: memory gone, storage kept.
  const saved = taroMock.storage.get('parklink-service-draft')
  useServiceDraft.setState(useServiceDraft.getInitialState(), true)
  expect(useServiceDraft.getState().fields.company).toBe('')
  taroMock.storage.set('parklink-service-draft', saved)
  await act(() => useServiceDraft.persist.rehydrate())

  render(<ServicePage />)
  expect((screen.getByLabelText('企业名称') as HTMLInputElement).value).toBe('山东德润新材料有限公司')
  expect((screen.getByLabelText('需求描述') as HTMLTextAreaElement).value).toBe('需要约 30 亩工业用地。')
})

test('opening from a park page pre-selects its zone and park', async () => {
  agree()
  taroMock.setRouterParams({ zoneId: 'pingyuan', parkId: 'pingyuan-jingde' })
  render(<ServicePage />)
  expect(await screen.findByText('京德智造产业园')).toBeTruthy()
  expect(
    within(screen.getByRole('radiogroup', { name: '开发区' }))
      .getByRole('radio', { name: '开发区：平原经济开发区' })
      .getAttribute('aria-checked'),
  ).toBe('true')
})

test('咨询店小二 from a policy pre-fills its zone, its need type and the policy (issue 15.11)', async () => {
  agree()
  taroMock.setRouterParams({ zoneId: 'pingyuan', type: 'finance', policy: '重大产业项目发展基金' })
  render(<ServicePage />)
  const type = await screen.findByRole('radiogroup', { name: '需求类型' })
  expect(within(type).getByRole('radio', { name: '需求类型：融资' }).getAttribute('aria-checked')).toBe('true')
  expect(
    within(screen.getByRole('radiogroup', { name: '开发区' }))
      .getByRole('radio', { name: '开发区：平原经济开发区' })
      .getAttribute('aria-checked'),
  ).toBe('true')
  expect((screen.getByLabelText('需求描述') as HTMLTextAreaElement).value).toBe('咨询政策「重大产业项目发展基金」：')
})

test('遇到问题找店小二 from a followed project sends the project and the chosen stage with the request', async () => {
  agree()
  taroMock.setRouterParams({ zoneId: 'pingyuan', projectId: 'pingyuan-jingde-park', projectStage: 'completed' })
  render(<ServicePage />)
  expect(await screen.findByText('关联项目：我关注的项目')).toBeTruthy()
  expect(screen.getByRole('radio', { name: '遇到问题的阶段：竣工' }).getAttribute('aria-checked')).toBe('true')
  await choose('遇到问题的阶段', '施工许可')
  await choose('需求类型', '代办帮办/项目审批')
  type('企业名称', '山东德润新材料有限公司')
  type('联系人', '李明')
  type('手机号', '13800138000')
  type('需求描述', '施工许可需要的消防审查材料不清楚，请帮忙代办。')
  fireEvent.click(screen.getByText('提交需求'))
  expect(await screen.findByText('提交成功')).toBeTruthy()
  expect(requestsTo('/api/requests')[0].data).toMatchObject({
    zoneId: 'pingyuan',
    projectId: 'pingyuan-jingde-park',
    projectStage: 'permit',
  })
})

test('预约看厂 from a listing: a site request naming the listing, with the visit day the investor picks', async () => {
  agree()
  useSpaceDetails.setState({
    details: { 'pingyuan-jingde-phase1-factory': { detail: spaceDetail('pingyuan-jingde-phase1-factory'), savedAt: Date.now() } },
  })
  taroMock.setRouterParams({ zoneId: 'pingyuan', parkId: 'pingyuan-jingde', spaceId: 'pingyuan-jingde-phase1-factory', type: 'site' })
  render(<ServicePage />)
  expect(await screen.findByText('京德智造产业园一期“定制”标准厂房')).toBeTruthy()
  expect(screen.getByRole('radio', { name: '需求类型：选址与厂房' }).getAttribute('aria-checked')).toBe('true')
  const days = within(screen.getByRole('radiogroup', { name: '希望看厂日期' })).getAllByRole('radio')
  // 暂不确定, then working days only (never a weekend).
  expect(days[0].textContent).toBe('暂不确定')
  expect(days.slice(1).every((day) => !/周[六日]/.test(day.textContent ?? ''))).toBe(true)
  fireEvent.click(days[1])
  type('企业名称', '山东德润新材料有限公司')
  type('联系人', '李明')
  type('手机号', '13800138000')
  type('需求描述', '想实地看看一期定制厂房，了解交付时间。')
  fireEvent.click(screen.getByText('提交需求'))
  expect(await screen.findByText('提交成功')).toBeTruthy()
  const [sent] = requestsTo('/api/requests')
  expect(sent.data).toMatchObject({
    type: 'site',
    zoneId: 'pingyuan',
    parkId: 'pingyuan-jingde',
    spaceId: 'pingyuan-jingde-phase1-factory',
    preferredVisitDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  })
})
