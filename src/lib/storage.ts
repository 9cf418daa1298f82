import Taro from '@tarojs/taro'
import { createJSONStorage, type StateStorage } from 'zustand/middleware'

/**
 * zustand persist over Taro's synchronous storage: stores hydrate before the first render,
 * so a repeat visit paints cached content at once (weapp storage and H5 localStorage alike).
 */
const taroStateStorage: StateStorage = {
  getItem: (name) => {
    const value: unknown = Taro.getStorageSync(name)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem: (name, value) => {
    try {
      Taro.setStorageSync(name, value)
    } catch {
      // Storage full (weapp caps it at 10 MB): losing a cache entry is acceptable, crashing is not.
    }
  },
  removeItem: (name) => Taro.removeStorageSync(name),
}

export const taroStorage = createJSONStorage(() => taroStateStorage)

/**
 * For copies of API answers (offline caches): each entry is stamped with the contract fingerprint
 * and an entry written under another contract reads as absent, so an app update that changes a
 * response shape starts from the network instead of rendering an old shape. User input (drafts,
 * consent, sessions) uses taroStorage and survives updates.
 */
const stamp = `contract:${CONTRACT_HASH}\n`
const contractStateStorage: StateStorage = {
  getItem: (name) => {
    const value = taroStateStorage.getItem(name) as string | null
    return value?.startsWith(stamp) ? value.slice(stamp.length) : null
  },
  setItem: (name, value) => taroStateStorage.setItem(name, stamp + value),
  removeItem: (name) => taroStateStorage.removeItem(name),
}

export const contentCacheStorage = createJSONStorage(() => contractStateStorage)
