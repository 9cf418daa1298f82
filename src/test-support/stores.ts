/** Puts every store back to its first-launch state (tests share module instances). */
import type { PersistStorage } from 'zustand/middleware'
import { taroMock } from '../../test/jest/taro'
import { useHome } from '@/stores/home'
import { useParkDirectory } from '@/stores/park-directory'
import { useParkProfiles } from '@/stores/park-profiles'
import { useServiceStats } from '@/stores/service-stats'
import { useCompare } from '@/stores/compare'
import { usePolicies } from '@/stores/policies'
import { usePolicyDetails } from '@/stores/policy-details'
import { useMatch } from '@/stores/match'
import { useFavourites } from '@/stores/favourites'
import { tokenFor, useSession } from '@/stores/session'
import { configureApi } from '@/api/client'
import { resetShareVisitsForTest } from '@/stores/referral'

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
