/** What a store keeps to run actions on the item it has open (a request viewed or worked on). */
export interface ActionState<A extends string> {
  id: string | null
  /** The action in flight, so its button can show busy and ignore repeat taps. */
  busy: A | null
  /** The failure's words for the page. */
  actionError: string | null
}

/**
 * One action at a time on a store's open item: marks it busy (a repeat tap resolves false at once),
 * applies what the action returns only while the same item is still open, and keeps the failure's
 * words (`describe`) for the page. Each action resolves true when it worked.
 */
export function actionRunner<A extends string, S extends ActionState<A>>(
  get: () => S,
  set: (patch: Partial<S>) => void,
  describe: (error: unknown) => string,
) {
  return async (action: A, run: (id: string) => Promise<Partial<S>>): Promise<boolean> => {
    const { id, busy } = get()
    if (!id || busy) return false
    set({ busy: action, actionError: null } as Partial<S>)
    try {
      const patch = await run(id)
      set({ ...(get().id === id ? patch : {}), busy: null } as Partial<S>)
      return true
    } catch (error) {
      set({ busy: null, actionError: describe(error) } as Partial<S>)
      return false
    }
  }
}
