/** Shared shape of a fetch the UI renders: loading skeleton, error with retry, or data (maybe stale). */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface LoadState {
  status: LoadStatus
  /** Message for the error state or the offline notice. */
  error: string | null
  /** Serving cached content because the refresh failed. */
  offline: boolean
}

export const IDLE: LoadState = { status: 'idle', error: null, offline: false }
