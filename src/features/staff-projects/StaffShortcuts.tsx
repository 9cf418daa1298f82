import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import { ROUTES, navigate } from '@/lib/routes'
import './shortcuts.scss'

const LINKS = [
  { label: '项目督考', route: ROUTES.staffProjects },
  { label: '督考周报', route: ROUTES.staffWeekly },
  { label: '问需于企', route: ROUTES.staffSurveys },
]

/** The workbench's way to 项目督考 and 问需于企. */
export default function StaffShortcuts() {
  return (
    <View className="stf-shortcuts" {...a11y('navigation', { 'aria-label': '更多工作' })}>
      {LINKS.map((link) => (
        <Text key={link.route} className="stf-shortcuts__link" {...a11y('link')} onClick={() => navigate(link.route)}>
          {link.label}
        </Text>
      ))}
    </View>
  )
}
