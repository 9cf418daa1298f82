/**
 * ARIA props for Taro components. Taro's typings have no `role`, yet H5 passes it (and aria-*) to the DOM;
 * the mini-program ignores what it does not know.
 */
export function a11y(role: string, props: Record<string, string | boolean | number | undefined> = {}): Record<string, never> {
  const out: Record<string, unknown> = { role }
  for (const [key, value] of Object.entries(props)) if (value !== undefined) out[key] = value
  return out as Record<string, never>
}

