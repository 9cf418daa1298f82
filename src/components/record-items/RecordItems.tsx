import { View, Text } from '@tarojs/components'
import type { Enterprise, ServiceCommitment } from '@/types/content'
import { isProvided } from '@/types/vocabulary'
import { figureText } from '@/lib/format'
import Provenance from '@/components/provenance/Provenance'
import './record-items.scss'

/** An enterprise: name, its role as published, its industry when known, where the fact comes from. */
export function EnterpriseItem({ enterprise }: { enterprise: Enterprise }) {
  return (
    <View className="pl-record">
      <View className="pl-record__head">
        <Text className="pl-record__name">{enterprise.name}</Text>
        <Text className="pl-tag pl-tag--grey">{enterprise.role}</Text>
      </View>
      {isProvided(enterprise.industry) ? <Text className="pl-record__meta">{enterprise.industry}</Text> : null}
      {enterprise.description ? <Text className="pl-record__text">{enterprise.description}</Text> : null}
      <Provenance record={enterprise} />
    </View>
  )
}

/** A promise the zone makes (店小二 24 小时服务, 一次办好 …) with its figure when known. */
export function CommitmentItem({ commitment }: { commitment: ServiceCommitment }) {
  const figure = figureText(commitment.figure)
  return (
    <View className="pl-record">
      <View className="pl-record__head">
        <Text className="pl-record__name pl-record__name--strong">{commitment.title}</Text>
        {figure && isProvided(commitment.figure) ? (
          <Text className="pl-record__figure">{`${commitment.figure.label} ${figure}`}</Text>
        ) : null}
      </View>
      <Text className="pl-record__text">{commitment.description}</Text>
      <Provenance record={commitment} />
    </View>
  )
}
