import { fireEvent, render, screen } from '@testing-library/react'
import { taroMock } from '../../../test/jest/taro'
import { resetApp, staffSession } from '../../../test/jest/app-state'
import { catalogRoutes, fail, ok, serve } from '../../../test/jest/service-fixtures'
import { useSession } from '@/features/session/session-store'
import StaffSharePage from './index'

beforeEach(() => {
  resetApp()
  useSession.getState().setStaff(staffSession())
})

test('my share link to 首页 carries my code, with a QR code of it and a copy button (issue 15.12)', async () => {
  serve({
    ...catalogRoutes(),
    '/api/staff/share/wxacode': () => fail(503, 'wechat_not_configured', '小程序码需要配置小程序 AppID 和 AppSecret'),
  })
  render(<StaffSharePage />)
  const link = `${location.origin}/pages/index/index?ref=PY-ZS`
  expect(await screen.findByText(link)).toBeTruthy()
  expect(screen.getByText('PY-ZS')).toBeTruthy()
  const qr = screen.getByLabelText('我的分享链接二维码') as HTMLImageElement
  expect(qr.getAttribute('src')).toMatch(/^data:image\/gif;base64,R0lGOD/)

  fireEvent.click(screen.getByText('复制链接'))
  expect(taroMock.calls.clipboard).toEqual([link])

  // Without the mini-program's AppID and secret the page says so, instead of a broken image.
  expect(await screen.findByText(/小程序码需要开发区在服务器上配置小程序 AppID 和 AppSecret/)).toBeTruthy()
  expect(screen.queryByLabelText('我的小程序码')).toBeNull()

  // 转发 from the menu shares 首页 with my code too.
  expect(taroMock.share.appMessage?.()).toMatchObject({ path: '/pages/index/index?ref=PY-ZS' })
})

test('the 小程序码 shows when the API can make it', async () => {
  serve({
    ...catalogRoutes(),
    '/api/staff/share/wxacode': () => ok({ image: 'data:image/png;base64,iVBORw0KGgo=', scene: 'r=PY-ZS' }),
  })
  render(<StaffSharePage />)
  const image = (await screen.findByLabelText('我的小程序码')) as HTMLImageElement
  expect(image.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=')
})
