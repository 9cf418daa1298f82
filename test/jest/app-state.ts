/**
 * The app's state for tests: every store back to its first launch, and sessions to sign in with.
 * Tests share module instances, so each test starts with resetApp().
 */
import type { PersistStorage } from 'zustand/middleware'
import type { StaffSession } from '@/types/auth'
import { taroMock } from './taro'
import { connectSession, useSession } from '@/features/session/session-store'
import { useHome } from '@/features/home/home-store'
import { resetCatalogSessionForTest, useZoneCatalog } from '@/features/zones/catalog-store'
import { useZoneDetails } from '@/features/zones/zone-details-store'
import { useSpaces } from '@/features/spaces/spaces-store'
import { useSpaceDetails } from '@/features/spaces/space-details-store'
import { useChains } from '@/features/chains/chains-store'
import { useIndustries } from '@/features/parks/industries-store'
import { useServiceStats } from '@/features/zones/service-stats-store'
import { useParkDirectory } from '@/features/parks/directory-store'
import { useParkProfiles } from '@/features/parks/profiles-store'
import { useCompare } from '@/features/parks/compare-store'
import { usePolicies } from '@/features/policies/list-store'
import { usePolicyDetails } from '@/features/policies/details-store'
import { useMatch } from '@/features/policies/match-store'
import { useFavourites } from '@/features/favourites/favourites-store'
import { resetShareVisitsForTest } from '@/features/sharing/share'
import { useServiceDraft } from '@/features/service/draft-store'
import { usePrivacy } from '@/features/service/privacy-store'
import { useMyRequests } from '@/features/service/my-requests-store'
import { useRequestDetail } from '@/features/service/request-detail-store'
import { useInbox } from '@/features/staff-desk/inbox-store'
import { useDesk } from '@/features/staff-desk/desk-store'
import { useDashboard } from '@/features/staff-desk/dashboard-store'
import { useFollowedProjects } from '@/features/projects/followed-store'
import { useProject } from '@/features/projects/project-store'
import { useMySurveys } from '@/features/surveys/my-surveys-store'
import { useSurvey } from '@/features/surveys/survey-store'
import { useBoard } from '@/features/staff-projects/board-store'
import { useProjectDesk } from '@/features/staff-projects/desk-store'
import { useWeekly } from '@/features/staff-projects/weekly-store'
import { useStaffSurveys } from '@/features/staff-surveys/surveys-store'
import { useSurveyResults } from '@/features/staff-surveys/results-store'
import { useEditor } from '@/features/staff-console/editor-store'
import { useConsoleZone } from '@/features/staff-console/zone-choice-store'

interface ResettableStore {
  setState: (state: never, replace: true) => void
  getInitialState: () => unknown
}
const stores = [
  useSession,
  useHome,
  useZoneCatalog,
  useZoneDetails,
  useSpaces,
  useSpaceDetails,
  useChains,
  useIndustries,
  useServiceStats,
  useParkDirectory,
  useParkProfiles,
  useCompare,
  usePolicies,
  usePolicyDetails,
  useMatch,
  useFavourites,
  useServiceDraft,
  usePrivacy,
  useMyRequests,
  useRequestDetail,
  useInbox,
  useDesk,
  useDashboard,
  useFollowedProjects,
  useProject,
  useMySurveys,
  useSurvey,
  useBoard,
  useProjectDesk,
  useWeekly,
  useStaffSurveys,
  useSurveyResults,
  useEditor,
  useConsoleZone,
] as unknown as ResettableStore[]

/** First launch: the Taro double emptied, the API wired to the session as src/app.ts does it, every store reset. */
export function resetApp(): void {
  taroMock.reset()
  connectSession()
  for (const store of stores) store.setState(store.getInitialState() as never, true)
  resetShareVisitsForTest()
  resetCatalogSessionForTest()
}

/** Writes what zustand persist would have stored on an earlier launch (through the store's own storage), then rehydrates from it. */
export async function seedStorage<S>(
  store: {
    persist: {
      getOptions: () => { name?: string; version?: number; storage?: PersistStorage<unknown> }
      rehydrate: () => Promise<void> | void
    }
  },
  state: Partial<S>,
): Promise<void> {
  const { name, version, storage } = store.persist.getOptions()
  await storage?.setItem(name as string, { state, version: version ?? 0 })
  await store.persist.rehydrate()
}

export const investorSession = (id = 'inv-1') => ({
  token: `token-${id}`,
  expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
  investor: { id, kind: 'guest' as const },
})

export const staffSession = (overrides: Partial<StaffSession['staff']> = {}): StaffSession => ({
  token: 'staff-token',
  expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
  staff: {
    id: 'stf-zhang',
    username: 'zhangsan',
    displayName: '张三',
    role: 'agent',
    zoneId: 'pingyuan',
    shareCode: 'PY-ZS',
    ...overrides,
  },
})
