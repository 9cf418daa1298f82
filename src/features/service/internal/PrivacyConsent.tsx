import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Dialog from '@/components/dialog/Dialog'
import { usePrivacy } from '../privacy-store'
import { COLLECTED_ITEMS, PURPOSE, getWeappPrivacySetting, hasCurrentConsent } from './privacy'
import { ROUTES, navigate } from '@/lib/routes'
import { a11y } from '@/lib/a11y'
import './privacy.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'
const openPrivacyNotice = () => navigate(ROUTES.privacy)

/**
 * Consent step of the 用户隐私保护指引, shown before any name or phone number is typed.
 * weapp: the agree button carries open-type="agreePrivacyAuthorization" so WeChat records the consent too;
 * H5: the same dialog with 同意并继续 / 不同意. Our own record (with the notice version) lives in storage.
 */
export function usePrivacyConsent() {
  const consent = usePrivacy((s) => s.consent)
  const agree = usePrivacy((s) => s.agree)
  const consented = hasCurrentConsent(consent)
  // null until WeChat answers; H5 never needs WeChat's authorization.
  const [wechatNeedsAuth, setWechatNeedsAuth] = useState<boolean | null>(isWeapp ? null : false)
  const [contractName, setContractName] = useState('《园区通隐私保护指引》')
  const [declined, setDeclined] = useState(false)

  useEffect(() => {
    if (!isWeapp) return
    void getWeappPrivacySetting().then((setting) => {
      setWechatNeedsAuth(setting?.needAuthorization ?? false)
      if (setting?.privacyContractName) setContractName(setting.privacyContractName)
    })
  }, [])

  // Also ask again when WeChat says its agreement is missing (e.g. the notice gained new items).
  const needed = !consented || wechatNeedsAuth === true
  return {
    needed,
    declined,
    contractName,
    accept: () => {
      agree()
      setWechatNeedsAuth(false)
      setDeclined(false)
    },
    decline: () => setDeclined(true),
    reopen: () => setDeclined(false),
  }
}

interface DialogProps {
  visible: boolean
  contractName: string
  onAgree: () => void
  onDecline: () => void
}

export function PrivacyConsentDialog({ visible, contractName, onAgree, onDecline }: DialogProps) {
  const openContract = () => {
    if (isWeapp) Taro.openPrivacyContract({ fail: () => openPrivacyNotice() })
    else openPrivacyNotice()
  }
  return (
    <Dialog
      visible={visible}
      title="个人信息保护提示"
      dismissible={false}
      onCancel={onDecline}
      footer={
        <View className="svc-consent__footer">
          <Button className="svc-consent__btn" fill="outline" onClick={onDecline}>
            不同意
          </Button>
          {isWeapp ? (
            // WeChat records the agreement (when it still needs one) and fires onAgreePrivacyAuthorization;
            // the tap handler covers users WeChat already has on record. Agreeing twice is harmless.
            <Button
              id="agree-privacy-btn"
              className="svc-consent__btn"
              type="primary"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={onAgree}
              onClick={onAgree}
            >
              同意并继续
            </Button>
          ) : (
            <Button className="svc-consent__btn" type="primary" onClick={onAgree}>
              同意并继续
            </Button>
          )}
        </View>
      }
    >
      <View className="svc-consent" aria-live="polite">
        <Text className="svc-consent__p">为受理您的服务请求，我们需要收集：{COLLECTED_ITEMS.join('、')}。</Text>
        <Text className="svc-consent__p">{`这些信息${PURPOSE}，只有您所选开发区的工作人员可以查看。`}</Text>
        <Text className="svc-consent__p">
          请阅读
          <Text className="svc-link" {...a11y('link')} onClick={openContract}>
            {contractName}
          </Text>
          了解保存期限、撤回方式和监督渠道。
        </Text>
      </View>
    </Dialog>
  )
}

/** Shown instead of the form after 不同意: nothing is collected, and the user can change their mind. */
export function ConsentDeclined({ onReview }: { onReview: () => void }) {
  return (
    <View className="svc-state">
      <Text className="svc-state__title">需要您的同意才能提交服务请求</Text>
      <Text className="svc-state__text">未同意隐私保护指引时，我们不会收集您的任何信息。您仍可浏览园区和政策。</Text>
      <Button type="primary" onClick={onReview}>
        重新查看并同意
      </Button>
      <View className="svc-consent__secondary">
        <Text className="svc-link" {...a11y('link')} onClick={openPrivacyNotice}>
          查看隐私保护指引
        </Text>
      </View>
    </View>
  )
}
