import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { REQUEST_TYPE_LABELS, type RequestType } from '@/types/service'
import type { RequestStage } from '@/types/request-status'
import StatusTag from './StatusTag'
import '@/styles/service.scss'
import './ticket-header.scss'

interface Props {
  ticketNo: string
  /** What the tag says (StatusTag's stageOf). */
  stage: RequestStage
  /** The stages in the reader's words where they differ (staff). */
  stageLabels?: Record<RequestStage, string>
  type: RequestType
  /** The lines under the request type (company, zone and park, when submitted…). */
  children?: ReactNode
}

/** The card a request page opens with: ticket number (selectable, to quote on the phone), status and type. */
export default function TicketHeader({ ticketNo, stage, stageLabels, type, children }: Props) {
  return (
    <View className="svc-card">
      <View className="svc-row">
        <Text className="svc-ticket__no" selectable>
          {ticketNo}
        </Text>
        <StatusTag stage={stage} labels={stageLabels} />
      </View>
      <Text className="svc-ticket__type">{REQUEST_TYPE_LABELS[type]}</Text>
      {children}
    </View>
  )
}
