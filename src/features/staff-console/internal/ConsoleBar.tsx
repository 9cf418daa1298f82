import { useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import { STAFF_ROLE_LABELS, type StaffSession } from '@/types/auth'
import { useSession } from '@/features/session/session-store'
import { useZoneCatalog, zoneName } from '@/features/zones/catalog-store'
import { a11y } from '@/lib/a11y'
import { ROUTES, redirect } from '@/lib/routes'

/** Who is signed in (name, zone, role), with links back to the desk and 退出登录. */
export function ConsoleBar({ session, links = [] }: { session: StaffSession; links?: { label: string; onClick: () => void }[] }) {
  const zones = useZoneCatalog((s) => s.zones)
  // Zone names for every console page (the catalog is fetched once per session).
  useEffect(() => {
    void useZoneCatalog.getState().load()
  }, [])
  const zone = session.staff.zoneId ? zoneName(zones, session.staff.zoneId) || session.staff.zoneId : '全部开发区'
  const signOut = () => {
    useSession.getState().setStaff(null)
    redirect(ROUTES.staffLogin)
  }
  return (
    <View className="csl-bar">
      <View className="csl-bar__who">
        <Text className="csl-bar__name">{session.staff.displayName}</Text>
        <Text className="csl-bar__meta">{`${zone} · ${STAFF_ROLE_LABELS[session.staff.role]}`}</Text>
      </View>
      <View className="csl-bar__links">
        {links.map((link) => (
          <Text key={link.label} className="svc-link csl-bar__link" onClick={link.onClick} {...a11y('link')}>
            {link.label}
          </Text>
        ))}
        <Text className="svc-link csl-bar__link" onClick={signOut} {...a11y('button')}>
          退出登录
        </Text>
      </View>
    </View>
  )
}
