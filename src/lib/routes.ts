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
export const openPolicy = (id: string) => navigate(ROUTES.policy, { id })
/**
 * 找店小二, prefilled from where the investor came from: the zone or park, a policy (its title as
 * `policy` and the need type it stands for as `type`), or a followed project's stage.
 */
export const openService = (
  query: { zoneId?: string; parkId?: string; type?: string; policy?: string; projectId?: string; projectStage?: string } = {},
) => navigate(ROUTES.service, query)
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
