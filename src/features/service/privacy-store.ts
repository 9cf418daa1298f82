import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroStorage } from '@/lib/storage'
import { PRIVACY_NOTICE_VERSION, hasCurrentConsent, type ConsentRecord } from './internal/privacy'

interface PrivacyState {
  /** The notice version the user agreed to, and when. */
  consent: ConsentRecord | null
  agree: (now?: Date) => void
  revoke: () => void
}

export const usePrivacy = create<PrivacyState>()(
  persist(
    (set) => ({
      consent: null,
      agree: (now = new Date()) => set({ consent: { version: PRIVACY_NOTICE_VERSION, at: now.toISOString() } }),
      revoke: () => set({ consent: null }),
    }),
    { name: 'parklink-privacy', storage: taroStorage, partialize: ({ consent }) => ({ consent }) },
  ),
)

/** Whether the user agreed to the current 隐私保护指引 (other features ask before collecting contact details). */
export const useHasPrivacyConsent = (): boolean => usePrivacy((s) => hasCurrentConsent(s.consent))
