import { fireEvent, render, screen } from '@testing-library/react'
import Sheet from './Sheet'

test('an open sheet is a labelled dialog; its close button, Escape and the backdrop all close it', () => {
  const onClose = jest.fn()
  render(
    <Sheet visible title="面积" onClose={onClose}>
      <span>选项</span>
    </Sheet>,
  )
  expect(screen.getByRole('dialog', { name: '面积' }).getAttribute('aria-modal')).toBe('true')
  fireEvent.click(screen.getByRole('button', { name: '关闭' }))
  fireEvent.keyDown(document, { key: 'Escape' })
  fireEvent.click(document.querySelector('.pl-sheet__backdrop') as Element)
  expect(onClose).toHaveBeenCalledTimes(3)
})

test('a closed sheet renders nothing', () => {
  render(
    <Sheet visible={false} title="面积" onClose={jest.fn()}>
      <span>选项</span>
    </Sheet>,
  )
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(screen.queryByText('选项')).toBeNull()
})
