import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { usePrivacy } from './privacy-store'
import { PRIVACY_NOTICE_VERSION, PRIVACY_SECTIONS, hasCurrentConsent } from './internal/privacy'
import { formatChinaTime } from '@/types/china-time'
import { a11y } from '@/lib/a11y'
import '@/styles/service.scss'
import './privacy-screen.scss'

export default function PrivacyScreen() {
  const consent = usePrivacy((s) => s.consent)
  const revoke = usePrivacy((s) => s.revoke)

  return (
    <View className="svc-root">
      <View className="svc-card">
        <Text className="svc-privacy__title" {...a11y('heading')} aria-level={1}>
          园区通隐私保护指引
        </Text>
        <Text className="svc-muted">{`版本 ${PRIVACY_NOTICE_VERSION}`}</Text>
      </View>

      {PRIVACY_SECTIONS.map((section) => (
        <View key={section.title} className="svc-card">
          <Text className="svc-card__title" {...a11y('heading')} aria-level={2}>
            {section.title}
          </Text>
          {section.paragraphs.map((p) => (
            <Text key={p} className="svc-privacy__p">
              {p}
            </Text>
          ))}
        </View>
      ))}

      <View className="svc-card">
        <Text className="svc-card__title" {...a11y('heading')} aria-level={2}>
          联系与监督
        </Text>
        <Text className="svc-privacy__p">
          如对个人信息处理有疑问或投诉，可在请求详情中留言，或拨打所选开发区的监督热线：开发区公布了监督热线的，请求详情和开发区主页的“联系方式”中会显示号码。
        </Text>
      </View>

      <View className="svc-card">
        <Text className="svc-card__title" {...a11y('heading')} aria-level={2}>
          您的授权
        </Text>
        {hasCurrentConsent(consent) && consent ? (
          <>
            <Text className="svc-privacy__p">{`您已于 ${formatChinaTime(consent.at)} 同意本指引。撤回后，再次提交服务请求前会重新征求您的同意；已提交的请求可在请求详情中撤回。`}</Text>
            <Button
              fill="outline"
              onClick={() => {
                revoke()
                void Taro.showToast({ title: '已撤回授权', icon: 'none' })
              }}
            >
              撤回同意
            </Button>
          </>
        ) : (
          <Text className="svc-privacy__p">您尚未同意本指引。提交服务请求前，我们会先征求您的同意。</Text>
        )}
      </View>
    </View>
  )
}
