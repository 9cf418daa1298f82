import { View, Text } from '@tarojs/components'
import type { ChainCard } from '@/types/content-api'
import { a11y } from '@/lib/a11y'
import { openChain } from '@/lib/routes'
import './chain-links.scss'

/** Chain cards as links to their pages: name, zone, a teaser and the 招商方向 it seeks. */
export default function ChainLinks({ chains, showZone = false }: { chains: readonly ChainCard[]; showZone?: boolean }) {
  return (
    <View {...a11y('list', { 'aria-label': '产业链' })}>
      {chains.map((chain) => (
        <View key={chain.id} className="pl-chain-link" onClick={() => openChain(chain.id)} {...a11y('listitem')}>
          <View className="pl-chain-link__head">
            <Text className="pl-chain-link__name" {...a11y('link')}>
              {chain.name}
            </Text>
            <Text className="pl-chain-link__arrow" aria-hidden>
              ›
            </Text>
          </View>
          {showZone ? <Text className="pl-chain-link__meta">{chain.zoneName}</Text> : null}
          {chain.summary ? <Text className="pl-chain-link__meta">{chain.summary}</Text> : null}
          {chain.gaps.length ? <Text className="pl-chain-link__meta">{`招商方向：${chain.gaps.join('、')}`}</Text> : null}
        </View>
      ))}
    </View>
  )
}
