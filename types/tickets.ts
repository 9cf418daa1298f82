/**
 * Ticket numbers: the zone's prefix, the China day and a per-zone daily sequence, e.g. PY-20261121-0007.
 * The database hands out the sequence atomically; everything else about the number lives here.
 */

/** A zone's ticket prefix: 2–4 capital letters, unique among zones (zones.json `ticketPrefix`). */
export const TICKET_PREFIX_PATTERN = /^[A-Z]{2,4}$/

/** Sequences are padded to four digits and simply grow past 9999. */
export function formatTicketNo(prefix: string, chinaDayCompact: string, sequence: number): string {
  return `${prefix}-${chinaDayCompact}-${String(sequence).padStart(4, '0')}`
}

export const TICKET_NO_PATTERN = /^[A-Z]{2,4}-\d{8}-\d{4,}$/
