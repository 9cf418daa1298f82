import { useState } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import SearchField from './SearchField'

function Harness({ onSearch, onClear }: { onSearch: (value: string) => void; onClear: () => void }) {
  const [value, setValue] = useState('')
  return <SearchField label="搜索园区" placeholder="搜索园区、产业、企业" value={value} onChange={setValue} onSearch={onSearch} onClear={onClear} />
}

test('typing then 搜索 (button or keyboard) submits what was typed', () => {
  const onSearch = jest.fn()
  render(<Harness onSearch={onSearch} onClear={jest.fn()} />)
  const field = screen.getByRole('searchbox', { name: '搜索园区' })
  fireEvent.change(field, { target: { value: '医药' } })
  fireEvent.click(screen.getByRole('button', { name: '搜索' }))
  fireEvent.keyDown(field, { key: 'Enter' })
  expect(onSearch).toHaveBeenCalledWith('医药')
})

test('the clear button appears once there is text, empties the field and reports it', () => {
  const onClear = jest.fn()
  render(<Harness onSearch={jest.fn()} onClear={onClear} />)
  expect(screen.queryByRole('button', { name: '清除搜索内容' })).toBeNull()
  const field = screen.getByRole('searchbox', { name: '搜索园区' })
  fireEvent.change(field, { target: { value: '京津冀' } })
  fireEvent.click(screen.getByRole('button', { name: '清除搜索内容' }))
  expect((field as HTMLInputElement).value).toBe('')
  expect(onClear).toHaveBeenCalledTimes(1)
})

test('the keyboard 搜索 reaches the handler of the latest render', () => {
  const searched: string[] = []
  function Filters() {
    const [value, setValue] = useState('')
    const [zone, setZone] = useState('全部')
    return (
      <>
        <button onClick={() => setZone('平原')}>平原</button>
        <SearchField label="搜索园区" placeholder="搜索园区" value={value} onChange={setValue} onSearch={(q) => searched.push(`${zone}:${q}`)} />
      </>
    )
  }
  render(<Filters />)
  const field = screen.getByRole('searchbox', { name: '搜索园区' })
  fireEvent.change(field, { target: { value: '医药' } })
  fireEvent.click(screen.getByRole('button', { name: '平原' }))
  fireEvent.keyDown(field, { key: 'Enter' })
  expect(searched).toEqual(['平原:医药'])
})
