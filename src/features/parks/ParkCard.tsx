import { Image, View, Text } from '@tarojs/components'
import type { ParkCard as ParkCardData } from '@/types/content-api'
import { SPACE_TYPE_LABELS } from '@/types/vocabulary'
import { a11y } from '@/lib/a11y'
import { headlineFigures } from './internal/figures'
import { formatFigure } from '@/lib/format'
import { mediaUrl } from '@/api/client'
import FigureStat from '@/components/figure-stat/FigureStat'
import './park-card.scss'

interface Props {
  park: ParkCardData
  onOpen: (id: string) => void
  /** featured: wide card for the home carousel; row: compact list row. */
  variant?: 'card' | 'featured' | 'row'
  showZone?: boolean
}

/** A park in a list: name, zone, the figures the sources give, industries and space types. */
export default function ParkCard({ park, onOpen, variant = 'card', showZone = true }: Props) {
  const figures = headlineFigures(park.headline)
  // The whole card opens the park; screen readers get one link named by the park, and read the rest
  // as text (an aria-label over the card would hide it and no longer match what is on screen).

  if (variant === 'row') {
    return (
      <View className="pl-park-row" onClick={() => onOpen(park.id)}>
        <View className="pl-park-row__main">
          <Text className="pl-park-row__name" {...a11y('link')}>
            {park.name}
          </Text>
          <Text className="pl-park-row__meta">
            {[park.industries.slice(0, 3).join('、'), ...figures.slice(0, 2).map((figure) => `${figure.label} ${formatFigure(figure)}`)]
              .filter(Boolean)
              .join(' · ') || park.zoneName}
          </Text>
        </View>
        <Text className="pl-park-row__arrow" aria-hidden>
          ›
        </Text>
      </View>
    )
  }

  return (
    <View className={`pl-park-card pl-park-card--${variant}`} onClick={() => onOpen(park.id)}>
      {park.cover ? (
        // 5:4 cover, lazy, in a fixed-ratio box so the card never jumps while it loads.
        <View className="pl-park-card__image-box">
          <Image
            className="pl-park-card__image"
            src={mediaUrl(park.cover.id)}
            mode="aspectFill"
            lazyLoad
            aria-hidden
            imgProps={{ alt: park.cover.alt }}
          />
        </View>
      ) : null}
      <View className="pl-park-card__head">
        <Text className="pl-park-card__name" {...a11y('link')}>
          {park.name}
        </Text>
        {park.featured && variant !== 'featured' ? <Text className="pl-tag pl-tag--orange pl-park-card__badge">重点</Text> : null}
      </View>
      {showZone ? <Text className="pl-park-card__zone">{park.zoneName}</Text> : null}
      {figures.length > 0 ? (
        <View className="pl-park-card__figures">
          {figures.map((figure) => (
            <FigureStat key={figure.label} figure={figure} size="medium" />
          ))}
        </View>
      ) : null}
      <Text className="pl-park-card__summary pl-clamp-2">{park.summary}</Text>
      {park.industries.length > 0 || park.spaceTypes.length > 0 ? (
        <View className="pl-tags">
          {park.industries.slice(0, 3).map((industry) => (
            <Text key={industry} className="pl-tag">
              {industry}
            </Text>
          ))}
          {park.spaceTypes.map((type) => (
            <Text key={type} className="pl-tag pl-tag--green">
              {SPACE_TYPE_LABELS[type]}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
