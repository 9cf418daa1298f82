import { type Figure } from '@/types/common'
import { isProvided } from '@/types/vocabulary'
import type { Park } from '@/types/content'

const HEADLINE_KEYS = ['area', 'investment', 'enterprises', 'signedProjects'] as const

/** The hero figures the sources give, in a fixed order; missing ones are left out. */
export function headlineFigures(headline: Park['headline']): Figure[] {
  return HEADLINE_KEYS.map((key) => headline[key]).filter((figure): figure is Figure => isProvided(figure))
}

/** Extra park figures not already in the headline (same label and value). */
export function extraFigures(park: Pick<Park, 'figures' | 'headline'>): Figure[] {
  const shown = headlineFigures(park.headline)
  return park.figures.filter((figure) => !shown.some((hero) => hero.label === figure.label && hero.value === figure.value))
}
