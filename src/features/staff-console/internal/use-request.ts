import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '@/api/client'

export interface RequestState<T> {
  data: T | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  reload: () => Promise<void>
}

/** One API read a console page shows: loading, the answer, or the Chinese error; again when `key` changes. */
export function useRequest<T>(key: string | null, fetcher: () => Promise<T>): RequestState<T> {
  const [state, setState] = useState<Omit<RequestState<T>, 'reload'>>({ data: null, status: 'idle', error: null })
  const latest = useRef(fetcher)
  latest.current = fetcher
  const run = useRef(0)
  const reload = useCallback(async () => {
    if (key === null) return
    const mine = ++run.current
    setState((current) => ({ ...current, status: 'loading', error: null }))
    try {
      const data = await latest.current()
      if (mine === run.current) setState({ data, status: 'ready', error: null })
    } catch (error) {
      if (mine === run.current) setState((current) => ({ ...current, status: 'error', error: errorMessage(error) }))
    }
  }, [key])
  useEffect(() => {
    void reload()
  }, [reload])
  return { ...state, reload }
}
