import { act, render, screen } from '@testing-library/react'
import { useAfterFirstPaint } from './use-after-first-paint'

function Page({ ready }: { ready: boolean }) {
  const below = useAfterFirstPaint(ready)
  return (
    <div>
      <span>首屏</span>
      {below ? <span>列表</span> : null}
    </div>
  )
}

test('what is below the first screen renders right after it, once the page has its data', async () => {
  jest.useFakeTimers()
  const { rerender } = render(<Page ready={false} />)
  act(() => jest.runOnlyPendingTimers())
  expect(screen.queryByText('列表')).toBeNull()
  rerender(<Page ready />)
  expect(screen.getByText('首屏')).toBeTruthy()
  expect(screen.queryByText('列表')).toBeNull()
  act(() => jest.runOnlyPendingTimers())
  expect(screen.getByText('列表')).toBeTruthy()
  jest.useRealTimers()
})
