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
