import { View, Text } from '@tarojs/components'
import { isProvided } from '@/types/vocabulary'
import { type ProjectStatus, type SignedProject } from '@/types/content'
import { PROJECT_STATUS_LABELS } from '@/types/vocabulary'
import { formatFigure } from '@/lib/format'
import Provenance from '@/components/provenance/Provenance'
import './project-item.scss'

const STATUS_TONE: Record<ProjectStatus, string> = {
  negotiating: 'pl-tag--grey',
  about_to_sign: 'pl-tag--orange',
  signed: '',
  registered: '',
  about_to_start: 'pl-tag--orange',
  under_construction: 'pl-tag--orange',
  in_production: 'pl-tag--green',
}

/**
 * A signed project: status label, amount only when the article gives one, partner and date when known,
 * and where it comes from (a relative date such as 今年10月 reads with the article's date).
 */
export default function ProjectItem({ project, zoneName }: { project: SignedProject; zoneName?: string }) {
  const meta = [
    isProvided(project.partner) ? project.partner : null,
    isProvided(project.industry) ? project.industry : null,
    isProvided(project.dateText) ? project.dateText : null,
    zoneName ?? null,
  ].filter(Boolean)
  return (
    <View className="pl-project">
      <View className="pl-project__head">
        <Text className={`pl-tag ${STATUS_TONE[project.status]}`}>{PROJECT_STATUS_LABELS[project.status]}</Text>
        <Text className="pl-project__name">{project.name}</Text>
      </View>
      <View className="pl-project__foot">
        {meta.length ? <Text className="pl-project__meta">{meta.join(' · ')}</Text> : null}
        {isProvided(project.amount) ? (
          <Text className="pl-project__amount">{`${project.amount.label} ${formatFigure(project.amount)}`}</Text>
        ) : null}
      </View>
      <Provenance record={project} />
    </View>
  )
}
