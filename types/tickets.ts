/**
 * Ticket numbers: the zone's prefix, the China day and a per-zone daily sequence, e.g. PY-20261121-0007.
 * The database hands out the sequence atomically and appends it to the stem it is given, padded to
 * TICKET_SEQUENCE_DIGITS; everything else about the number lives here.
 */

/** A zone's ticket prefix (its record's `ticketPrefix`): 2–4 capital letters, unique among zones. */
export const TICKET_PREFIX_PATTERN = /^[A-Z]{2,4}$/

/** Sequences are padded to four digits and simply grow past 9999. */
export const TICKET_SEQUENCE_DIGITS = 4

/** The number before its sequence: PY-20261121-. */
export const ticketNoStem = (prefix: string, chinaDayCompact: string): string => `${prefix}-${chinaDayCompact}-`

export function formatTicketNo(prefix: string, chinaDayCompact: string, sequence: number): string {
  return `${ticketNoStem(prefix, chinaDayCompact)}${String(sequence).padStart(TICKET_SEQUENCE_DIGITS, '0')}`
}

export const TICKET_NO_PATTERN = /^[A-Z]{2,4}-\d{8}-\d{4,}$/
