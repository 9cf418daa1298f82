/** "Now" for everything time-based (SLA deadlines, tokens, jobs, policy expiry): tests inject a clock they move by hand. */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()

/** The instant `ms` milliseconds after `at` (before it when negative). */
export const addMs = (at: Date, ms: number): Date => new Date(at.getTime() + ms)
