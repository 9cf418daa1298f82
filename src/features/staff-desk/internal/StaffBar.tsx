import { View, Text } from '@tarojs/components'
import { STAFF_ROLE_LABELS, type StaffSession } from '@/types/auth'
import { useSession } from '@/features/session/session-store'
import { useZoneCatalog, zoneName } from '@/features/zones/catalog-store'
import { a11y } from '@/lib/a11y'
import { toStaffLogin } from './navigation'
import './staff.scss'

type BarLink = { label: string; onClick: () => void }

/** Who is signed in (name, zone, role), with 退出登录 and optional links. */
export function StaffBar({ session, link, links = [] }: { session: StaffSession; link?: BarLink; links?: BarLink[] }) {
  const zones = useZoneCatalog((s) => s.zones)
  const zone = session.staff.zoneId ? zoneName(zones, session.staff.zoneId) || session.staff.zoneId : '全部开发区'
  const signOut = () => {
    useSession.getState().setStaff(null)
    toStaffLogin()
  }
  return (
    <View className="stf-header">
      <View className="stf-who">
        <Text className="stf-who__name">{session.staff.displayName}</Text>
        <Text>{`${zone} · ${STAFF_ROLE_LABELS[session.staff.role]}`}</Text>
      </View>
      <View className="stf-header__links">
        {[...(link ? [link] : []), ...links].map((item) => (
          <Text key={item.label} className="svc-link stf-header__link" {...a11y('link')} onClick={item.onClick}>
            {item.label}
          </Text>
        ))}
        <Text className="svc-link stf-header__link" {...a11y('button')} onClick={signOut}>
          退出登录
        </Text>
      </View>
    </View>
  )
}
