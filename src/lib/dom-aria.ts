type Props = Record<string, unknown>

/**
 * NutUI's camelCase ARIA props (`ariaRole: 'switch'`, `ariaChecked: true`) as DOM attributes
 * (`role="switch"`, `aria-checked="true"`). Props without any are returned as they are.
 */
export function toDomAria(props: Props): Props {
  let out: Props | null = null
  for (const key in props) {
    if (key.length < 5 || !key.startsWith('aria') || key[4] < 'A' || key[4] > 'Z') continue
    out ??= { ...props }
    const value = props[key]
    delete out[key]
    if (value === undefined || value === null) continue
    const name = key === 'ariaRole' ? 'role' : `aria-${key.slice(4).toLowerCase()}`
    out[name] = typeof value === 'boolean' ? String(value) : value
  }
  return out ?? props
}
