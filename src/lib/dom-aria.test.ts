import { toDomAria } from './dom-aria'

test("NutUI's camelCase ARIA props become the attributes screen readers read", () => {
  expect(toDomAria({ className: 'nut-switch', ariaRole: 'switch', ariaChecked: false, ariaDisabled: true, ariaLabel: '需要土地或厂房' })).toEqual({
    className: 'nut-switch',
    role: 'switch',
    'aria-checked': 'false',
    'aria-disabled': 'true',
    'aria-label': '需要土地或厂房',
  })
})

test('an unset camelCase prop leaves the aria-* the page passed itself', () => {
  expect(toDomAria({ 'aria-label': '需要土地或厂房', ariaLabel: undefined })).toEqual({ 'aria-label': '需要土地或厂房' })
})

test('props without camelCase ARIA come back untouched (same object)', () => {
  const props = { className: 'nut-cell', 'aria-hidden': true, area: 'x' }
  expect(toDomAria(props)).toBe(props)
})
