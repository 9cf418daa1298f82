import Taro from '@tarojs/taro'

/** Bump when the notice changes: everyone is asked again. */
export const PRIVACY_NOTICE_VERSION = '2026-12-01'

export interface ConsentRecord {
  version: string
  at: string
}

export const hasCurrentConsent = (record: ConsentRecord | null): boolean => record?.version === PRIVACY_NOTICE_VERSION

/** What we collect, shown in the consent dialog and on the notice page. */
export const COLLECTED_ITEMS = ['企业名称', '联系人', '手机号', '需求描述', '图片', '微信标识或设备标识'] as const

export const PURPOSE = '仅用于开发区工作人员受理和回复您的服务请求'

export interface NoticeSection {
  title: string
  paragraphs: string[]
}

/** The 用户隐私保护指引 as shown on pages/privacy; the page says where each zone's supervision hotline is published. */
export const PRIVACY_SECTIONS: readonly NoticeSection[] = [
  {
    title: '我们收集哪些信息',
    paragraphs: [
      `当您通过“找店小二”提交服务请求时，我们会收集：${COLLECTED_ITEMS.join('、')}。`,
      '图片仅在您主动选择上传时收集；微信标识（小程序内）或设备标识（网页版）用于识别您本人，以便您查看自己的请求。',
    ],
  },
  {
    title: '开发区问卷（问需于企）',
    paragraphs: [
      '当您回答开发区的问卷时，我们收集企业名称、联系人、手机号和您的答复，仅用于开发区了解企业需求并与您联系；开发区工作人员可以把您的答复转为服务请求，由店小二跟进，您可在“我的服务请求”中查看。',
      '问卷截止前您可以修改答复；只有发布问卷的开发区的工作人员可以查看。',
    ],
  },
  {
    title: '为什么收集',
    paragraphs: [`这些信息${PURPOSE}。`],
  },
  {
    title: '谁能看到',
    paragraphs: [
      '您选择的开发区的工作人员（店小二、主管）和平台管理员可以查看您的请求；手机号在列表中以掩码显示，仅在办理详情中完整显示。',
    ],
  },
  {
    title: '保存多久',
    paragraphs: ['请求办结后，相关信息由开发区按政务服务档案管理规定保存。未提交的草稿只保存在您的手机上，提交成功后即清除。'],
  },
  {
    title: '如何撤回请求',
    paragraphs: ['在“我的服务请求”中打开请求详情：待受理或已受理、尚未开始办理的请求，可点击“撤回请求”。撤回后工作人员将不再办理。'],
  },
]

export interface WeappPrivacySetting {
  needAuthorization: boolean
  privacyContractName: string
}

/** WeChat's own record of the user's agreement (weapp only; null elsewhere or on failure). */
export function getWeappPrivacySetting(): Promise<WeappPrivacySetting | null> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(null)
  return new Promise((resolve) => {
    try {
      Taro.getPrivacySetting({ success: (res) => resolve(res), fail: () => resolve(null) })
    } catch {
      resolve(null)
    }
  })
}
