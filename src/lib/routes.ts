import Taro from '@tarojs/taro'
import { withQuery, type QueryValue } from './query'

/**
 * Every page of the app, investor and staff side: the one table of page paths. Paths never change
 * (shared links point at them). Tab pages can only be reached with switchTab (no query).
 */
export const ROUTES = {
  home: '/pages/index/index',
  parks: '/pages/parks/index',
  policies: '/pages/policies/index',
  mine: '/pages/mine/index',
  park: '/pages/park/index',
  zone: '/pages/zone/index',
  spaces: '/pages/spaces/index',
  space: '/pages/space/index',
  chain: '/pages/chain/index',
  policy: '/pages/policy/index',
  match: '/pages/match/index',
  compare: '/pages/compare/index',
  service: '/pages/service/index',
  requests: '/pages/requests/index',
  request: '/pages/request/index',
  privacy: '/pages/privacy/index',
  following: '/pages/following/index',
  project: '/pages/project/index',
  claim: '/pages/claim/index',
  survey: '/pages/survey/index',
  staffLogin: '/staff/login/index',
  staffInbox: '/staff/inbox/index',
  staffRequest: '/staff/request/index',
  staffDashboard: '/staff/dashboard/index',
  staffShare: '/staff/share/index',
  staffProjects: '/staff/projects/index',
  staffProject: '/staff/project/index',
  staffWeekly: '/staff/weekly/index',
  staffSurveys: '/staff/surveys/index',
  staffSurvey: '/staff/survey/index',
  staffSurveyEdit: '/staff/survey-edit/index',
  staffContent: '/staff/content/index',
  staffContentList: '/staff/content-list/index',
  staffContentEdit: '/staff/content-edit/index',
  staffRevisions: '/staff/revisions/index',
  staffZoneNew: '/staff/zone-new/index',
  staffAccounts: '/staff/accounts/index',
  staffCannedReplies: '/staff/canned-replies/index',
} as const

type Query = Record<string, QueryValue>

const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.parks, ROUTES.policies, ROUTES.mine]

/** Opens a page on top of this one (a tab page: switches to it). */
export function navigate(path: string, query?: Query): void {
  if (TAB_ROUTES.includes(path)) {
    void Taro.switchTab({ url: path })
    return
  }
  void Taro.navigateTo({ url: withQuery(path, query) })
}

/** Replaces this page (no way back to it). */
export const redirect = (path: string, query?: Query) => void Taro.redirectTo({ url: withQuery(path, query) })

export const openPark = (id: string) => navigate(ROUTES.park, { id })
export const openZone = (id: string) => navigate(ROUTES.zone, { id })
export const openSpace = (id: string) => navigate(ROUTES.space, { id })
/** The 载体 list, optionally for one zone or park. */
export const openSpaces = (query: { zoneId?: string; parkId?: string } = {}) => navigate(ROUTES.spaces, query)
export const openChain = (id: string) => navigate(ROUTES.chain, { id })
export const openPolicy = (id: string) => navigate(ROUTES.policy, { id })

/** What 找店小二 can be prefilled with: where the investor came from and what they want. */
export interface ServicePrefill {
  zoneId?: string
  parkId?: string
  /** A request type (site, finance …). */
  type?: string
  /** 预约看厂/看地: the listing. */
  spaceId?: string
  /** 咨询店小二 from a policy: its title (the question starts with it). */
  policy?: string
  /** 遇到问题找店小二 from a followed project: the project and the stage. */
  projectId?: string
  projectStage?: string
}
/** 找店小二, prefilled from the zone, park, listing, policy or followed project the investor came from. */
export const openService = (query: ServicePrefill = {}) => navigate(ROUTES.service, { ...query })
/** 政策匹配, starting from a zone (the policy or zone the investor was reading). */
export const openMatch = (query: { zoneId?: string } = {}) => navigate(ROUTES.match, query)
export const openCompare = (ids?: readonly string[]) => navigate(ROUTES.compare, ids?.length ? { ids: ids.join(',') } : undefined)
export const openRequest = (id: string) => navigate(ROUTES.request, { id })
export const openProject = (id: string) => navigate(ROUTES.project, { id })
export const openSurvey = (id: string) => navigate(ROUTES.survey, { id })

/** Shared links land without a page stack: the only way back is the home tab. */
export const goHome = () => void Taro.reLaunch({ url: ROUTES.home })

/** True when this page was opened directly (shared card, 朋友圈, pasted H5 link): nothing to go back to. */
export function isOpenedDirectly(): boolean {
  try {
    return Taro.getCurrentPages().length <= 1
  } catch {
    return false
  }
}
