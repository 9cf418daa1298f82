import { act, render } from '@testing-library/react'
import { taroMock } from '../../test/jest/taro'
import { usePageTitle } from './use-page-title'

function Titled({ title }: { title: string | null }) {
  usePageTitle(title)
  return null
}

beforeEach(() => taroMock.reset())

test('the title is set while the page is on screen, never while another page covers it (issue 15.3)', () => {
  const { rerender } = render(<Titled title={null} />)
  expect(taroMock.calls.titles).toEqual([])
  rerender(<Titled title="京德智造产业园" />)
  expect(taroMock.calls.titles).toEqual(['京德智造产业园'])

  // The compare page opens on top; the park page re-renders from the shared store underneath.
  act(() => taroMock.triggerDidHide())
  rerender(<Titled title="京德智造产业园（新）" />)
  expect(taroMock.calls.titles).toEqual(['京德智造产业园'])

  // Back on the park page: its own title again.
  act(() => taroMock.triggerDidShow())
  expect(taroMock.calls.titles).toEqual(['京德智造产业园', '京德智造产业园（新）'])
})
