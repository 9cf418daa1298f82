import { useShallow } from 'zustand/react/shallow'
import { openPark } from '@/lib/routes'
import Section from '@/components/section/Section'
import ParkCard from './ParkCard'
import { toParkCard, useParkProfiles } from './profiles-store'

/** 最近浏览: the last parks opened, read from the profiles kept on the device (so offline too). */
export default function RecentParks() {
  const recent = useParkProfiles(
    useShallow((state) =>
      state.recent.map((id) => state.profiles[id]?.detail).filter((detail): detail is NonNullable<typeof detail> => Boolean(detail)),
    ),
  )
  if (recent.length === 0) return null
  return (
    <Section title="最近浏览" extra="离线也可查看">
      {recent.slice(0, 5).map((detail) => (
        <ParkCard key={detail.park.id} park={toParkCard(detail)} variant="row" onOpen={openPark} />
      ))}
    </Section>
  )
}
