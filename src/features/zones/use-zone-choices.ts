import { useMemo } from 'react'
import type { ZoneOption } from '@/types/content-api'
import { useHome } from '@/features/home/home-store'
import { useZoneCatalog } from './catalog-store'

export interface ZoneChoices {
  /** Every zone when the zones list is loaded, else the home tab's first zones. */
  zones: ZoneOption[]
  /** The chips: the home tab's first zones (by order). */
  chips: ZoneOption[]
  /** How many zones exist. */
  total: number
  loading: boolean
  /** Loads the full list (the picker's sheet opened). */
  openList: () => void
}

/**
 * The zones a tab page's picker offers without a request of its own: the home answer's first zones as
 * chips, and GET /api/zones (once per session, cached) only when the investor opens the full list.
 */
export function useZoneChoices(): ZoneChoices {
  const home = useHome((state) => state.data)
  const catalog = useZoneCatalog((state) => state.zones)
  const loading = useZoneCatalog((state) => state.status === 'loading')
  return useMemo(() => {
    const chips = (home?.zones ?? []).map(({ id, name, shortName, order }) => ({ id, name, shortName, order }))
    const zones = catalog.length >= chips.length && catalog.length > 0 ? catalog : chips
    return {
      zones,
      chips,
      total: Math.max(home?.zoneCount ?? 0, zones.length),
      loading,
      openList: () => void useZoneCatalog.getState().load({ version: useHome.getState().data?.version ?? null }),
    }
  }, [home, catalog, loading])
}
