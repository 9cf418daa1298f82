import { useEffect, useMemo, useState } from 'react'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ApiError, errorMessage } from '@/api/client'
import { homeShareLink, sharePath } from '@/features/sharing/share'
import { ROUTES } from '@/lib/routes'
import { a11y } from '@/lib/a11y'
import { getShareWxacode } from './api'
import { useStaffGuard } from './internal/guard'
import { openDashboard } from './internal/navigation'
import { StaffBar } from './internal/StaffBar'
import { qrDataUrl } from './internal/qr'
import '@/styles/service.scss'
import './internal/staff.scss'
import './share-screen.scss'

type Wxacode = { status: 'loading' } | { status: 'ready'; image: string } | { status: 'unavailable'; message: string }

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * 我的分享链接 / 小程序码: whatever channel a colleague uses (a chat, a poster, a printed card), the
 * visitor lands on 首页 with their share code as `ref`, and the dashboard counts it for them.
 */
export default function ShareScreen() {
  const session = useStaffGuard()
  const code = session?.staff.shareCode ?? ''
  const link = code ? homeShareLink(code) : null
  const qr = useMemo(() => (link ? qrDataUrl(link) : null), [link])
  const [wxacode, setWxacode] = useState<Wxacode>({ status: 'loading' })

  useEffect(() => {
    if (!code) return
    let current = true
    getShareWxacode()
      .then((answer) => current && setWxacode({ status: 'ready', image: answer.image }))
      .catch((error: unknown) => {
        if (!current) return
        const message =
          error instanceof ApiError && error.code === 'wechat_not_configured'
            ? '小程序码需要开发区在服务器上配置小程序 AppID 和 AppSecret，暂时请用上面的链接和二维码。'
            : `小程序码暂时无法生成：${errorMessage(error)}`
        setWxacode({ status: 'unavailable', message })
      })
    return () => {
      current = false
    }
  }, [code])

  // The share button (and the menu's 转发) send 首页 with my code.
  useShareAppMessage(() => ({ title: '园区通 · 山东开发区招商服务', path: sharePath(ROUTES.home, {}, code || undefined) }))

  if (!session) return <View className="svc-root" />

  const copy = () => {
    if (link) void Taro.setClipboardData({ data: link })
  }

  return (
    <View className="svc-root">
      <StaffBar session={session} links={[{ label: '数据看板', onClick: openDashboard }]} />

      <View className="svc-card">
        <Text className="svc-card__title" {...a11y('heading', { 'aria-level': 1 })}>
          我的分享链接
        </Text>
        <Text className="svc-muted">企业通过这个链接、二维码或小程序码打开园区通，都会计入您的“分享带来的访客”。</Text>
        <View className="stf-share__code">
          <Text className="svc-muted">我的分享码</Text>
          <Text className="stf-share__code-value" selectable>
            {code}
          </Text>
        </View>
        {link ? (
          <>
            <Text className="stf-share__link" selectable>
              {link}
            </Text>
            <View className="stf-share__actions">
              <Button type="primary" onClick={copy}>
                复制链接
              </Button>
              {isWeapp ? (
                <Button fill="outline" type="primary" openType="share">
                  分享给微信好友
                </Button>
              ) : null}
            </View>
            {qr ? (
              <View className="stf-share__qr">
                <Image
                  className="stf-share__qr-image"
                  src={qr}
                  mode="aspectFit"
                  aria-label="我的分享链接二维码"
                  // On H5 the picture is an <img> inside Taro's wrapper: it carries the name itself.
                  imgProps={{ alt: '我的分享链接二维码' }}
                />
                <Text className="svc-muted">扫码打开园区通首页（网页版）</Text>
              </View>
            ) : null}
          </>
        ) : (
          <Text className="svc-muted stf-share__link">未配置网页版地址（TARO_APP_H5_BASE），请使用下方的分享按钮或小程序码。</Text>
        )}
        {!link && isWeapp ? (
          <View className="stf-share__actions">
            <Button type="primary" openType="share">
              分享给微信好友
            </Button>
          </View>
        ) : null}
      </View>

      <View className="svc-card">
        <Text className="svc-card__title">我的小程序码</Text>
        {wxacode.status === 'loading' ? <Text className="svc-muted">正在生成小程序码…</Text> : null}
        {wxacode.status === 'ready' ? (
          <View className="stf-share__qr">
            <Image className="stf-share__qr-image" src={wxacode.image} mode="aspectFit" aria-label="我的小程序码" />
            <Text className="svc-muted">微信扫码打开园区通小程序首页</Text>
          </View>
        ) : null}
        {wxacode.status === 'unavailable' ? (
          <Text className="svc-muted" {...a11y('status')}>
            {wxacode.message}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
