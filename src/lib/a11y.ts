/**
 * ARIA props for Taro components. Taro's typings have no `role`, yet H5 passes it (and aria-*) to the DOM;
 * the mini-program ignores what it does not know.
 */
export function a11y(role: string, props: Record<string, string | boolean | number | undefined> = {}): Record<string, never> {
  const out: Record<string, unknown> = { role }
  for (const [key, value] of Object.entries(props)) if (value !== undefined) out[key] = value
  return out as Record<string, never>
}

/**
 * H5 renders Taro's Input as a <taro-input-core> host around the real <input>, and the host keeps our aria-*;
 * copy them onto the native field so screen readers announce its label. No-op in the mini-program.
 */
export function labelNativeInputs(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  const apply = () => {
    document.querySelectorAll('taro-input-core[aria-label]').forEach((host) => {
      const input = host.querySelector('input')
      if (!input) return
      for (const name of ['aria-label', 'aria-invalid', 'aria-describedby']) {
        const value = host.getAttribute(name)
        if (value !== null) input.setAttribute(name, value)
      }
    })
  }
  apply()
  // The web component renders its <input> a tick later on first paint.
  setTimeout(apply, 50)
}
