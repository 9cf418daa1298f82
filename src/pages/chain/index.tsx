import BackBar from '@/components/back-bar/BackBar'
import ChainScreen from '@/features/chains/ChainScreen'

export default function ChainPage() {
  return (
    <>
      <BackBar />
      <ChainScreen />
    </>
  )
}
