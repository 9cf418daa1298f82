import { PropsWithChildren } from 'react'
import { configureApi } from '@/api/client'
import { installH5A11y } from '@/lib/h5-a11y'
import { tokenFor, useSession } from '@/features/session/session-store'
import './app.scss'

configureApi({
  getToken: tokenFor,
  onUnauthorized: (path) => {
    const session = useSession.getState()
    if (path.startsWith('/api/staff/')) session.setStaff(null)
    else session.signOutInvestor()
  },
})

// H5: roles, tab stops and Enter/Space for Taro's and NutUI's web markup (no-op in the mini-program).
installH5A11y()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
