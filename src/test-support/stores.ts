/** Puts every store back to its first-launch state (tests share module instances). */
import type { PersistStorage } from 'zustand/middleware'
import { taroMock } from '../../test/jest/taro'
import { useHome } from '@/features/home/home-store'
import { useParkDirectory } from '@/features/parks/directory-store'
import { useParkProfiles } from '@/features/parks/profiles-store'
import { useServiceStats } from '@/features/zones/service-stats-store'
import { useCompare } from '@/features/parks/compare-store'
import { usePolicies } from '@/features/policies/list-store'
import { usePolicyDetails } from '@/features/policies/details-store'
import { useMatch } from '@/features/policies/match-store'
import { useFavourites } from '@/features/favourites/favourites-store'
import { tokenFor, useSession } from '@/features/session/session-store'
import { configureApi } from '@/api/client'
import { resetShareVisitsForTest } from '@/features/sharing/share'

interface ResettableStore {
  setState: (state: never, replace: true) => void
  getInitialState: () => unknown
}
const stores = [useHome, useParkDirectory, useParkProfiles, useServiceStats, useCompare, usePolicies, usePolicyDetails, useMatch, useFavourites, useSession] as unknown as ResettableStore[]

export function resetAll(): void {
  taroMock.reset()
  // As src/app.ts wires it: requests carry the session token.
  configureApi({ getToken: tokenFor, onUnauthorized: () => undefined })
  for (const store of stores) store.setState(store.getInitialState() as never, true)
  resetShareVisitsForTest()
}

/** Writes what zustand persist would have stored on an earlier launch (through the store's own storage), then rehydrates from it. */
export async function seedStorage<S>(store: { persist: { getOptions: () => { name?: string; version?: number; storage?: PersistStorage<unknown> }; rehydrate: () => Promise<void> | void } }, state: Partial<S>): Promise<void> {
  const { name, version, storage } = store.persist.getOptions()
  await storage?.setItem(name as string, { state, version: version ?? 0 })
  await store.persist.rehydrate()
}

export const signedInInvestor = (id = 'inv-1') => ({
  token: `token-${id}`,
  expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
  investor: { id, kind: 'guest' as const },
})
