import ChainScreen from '@/features/chains/ChainScreen'

export default function ChainPage() {
  return <ChainScreen />
}
