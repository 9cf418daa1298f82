import { useLoad, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { SlugId } from '@/types/common'
import { ZoneId } from '@/types/content'
import { RequestType } from '@/types/service'
import { readParam } from '@/lib/query'
import { ProjectStage } from '@/types/projects'
import { useServiceDraft } from './draft-store'
import { useZoneCatalog } from '@/features/zones/catalog-store'
import { useSpaceDetails } from '@/features/spaces/space-details-store'
import { ServiceForm } from './internal/ServiceForm'
import { SubmitSuccess } from './internal/SubmitSuccess'
import { ConsentDeclined, PrivacyConsentDialog, usePrivacyConsent } from './internal/PrivacyConsent'
import { ROUTES, navigate } from '@/lib/routes'
import { a11y } from '@/lib/a11y'
import '@/styles/service.scss'
import './service-screen.scss'

export default function ServiceScreen() {
  const { params } = useRouter()
  const created = useServiceDraft((s) => s.created)
  const consent = usePrivacyConsent()

  useLoad(() => {
    const draft = useServiceDraft.getState()
    // A success screen belongs to the visit that sent it.
    if (draft.created) draft.startOver()
    const zone = ZoneId.safeParse(params.zoneId)
    const park = SlugId.safeParse(params.parkId)
    const type = RequestType.safeParse(params.type)
    const policy = readParam(params, 'policy')
    const space = SlugId.safeParse(params.spaceId)
    const project = SlugId.safeParse(params.projectId)
    const stage = ProjectStage.safeParse(params.projectStage)
    draft.prefill({
      zoneId: zone.success ? zone.data : undefined,
      parkId: zone.success && park.success ? park.data : undefined,
      type: type.success ? type.data : undefined,
      policy,
      spaceId: zone.success && space.success ? space.data : undefined,
      ...(zone.success && project.success && stage.success ? { projectId: project.data, projectStage: stage.data } : {}),
    })
    // 预约看厂 opened cold (a shared link): the form names the listing once it is loaded.
    if (space.success && !useSpaceDetails.getState().details[space.data]) void useSpaceDetails.getState().load(space.data)
    void useZoneCatalog.getState().load()
  })

  if (created) {
    return (
      <View className="svc-root">
        <SubmitSuccess request={created} onNewRequest={() => useServiceDraft.getState().startOver()} />
      </View>
    )
  }

  return (
    <View className="svc-root">
      <View className="svc-intro">
        <Text className="svc-intro__title" {...a11y('heading')} aria-level={1}>
          找店小二
        </Text>
        <Text className="svc-intro__text">告诉我们您的需求，开发区工作人员 24 小时内响应，并全程跟进直到办结。</Text>
        <Text className="svc-link svc-intro__link" {...a11y('link')} onClick={() => navigate(ROUTES.requests)}>
          查看我的服务请求
        </Text>
      </View>
      {consent.declined ? <ConsentDeclined onReview={consent.reopen} /> : <ServiceForm />}
      <PrivacyConsentDialog
        visible={consent.needed && !consent.declined}
        contractName={consent.contractName}
        onAgree={consent.accept}
        onDecline={consent.decline}
      />
    </View>
  )
}
