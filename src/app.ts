import { PropsWithChildren } from 'react'
import { installH5A11y } from '@/lib/h5-a11y'
import { connectSession } from '@/features/session/session-store'
import './app.scss'

connectSession()

// H5: roles, tab stops and Enter/Space for Taro's and NutUI's web markup (no-op in the mini-program).
installH5A11y()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
