import { PropsWithChildren } from 'react'
import { configureApi } from '@/api/client'
import { tokenFor, useSession } from '@/stores/session'
import './app.scss'

configureApi({
  getToken: tokenFor,
  onUnauthorized: (path) => {
    const session = useSession.getState()
    if (path.startsWith('/api/staff/')) session.setStaff(null)
    else session.signOutInvestor()
  },
})

function App({ children }: PropsWithChildren) {
  return children
}

export default App
