import { TICKET_NO_PATTERN, TICKET_PREFIX_PATTERN, formatTicketNo, ticketNoStem } from './tickets'

describe('ticket numbers', () => {
  it('take a prefix of 2–4 capital letters', () => {
    expect(['QY', 'PY', 'ABCD'].every((prefix) => TICKET_PREFIX_PATTERN.test(prefix))).toBe(true)
    expect(['Q', 'py', 'ABCDE', 'P1'].some((prefix) => TICKET_PREFIX_PATTERN.test(prefix))).toBe(false)
  })

  it('pad the daily sequence to four digits and let it grow past 9999', () => {
    expect(ticketNoStem('PY', '20261121')).toBe('PY-20261121-')
    expect(formatTicketNo('PY', '20261121', 7)).toBe('PY-20261121-0007')
    expect(formatTicketNo('PY', '20261121', 9999)).toBe('PY-20261121-9999')
    expect(formatTicketNo('PY', '20261121', 10000)).toBe('PY-20261121-10000')
    for (const sequence of [1, 42, 9999, 10000, 123456]) expect(formatTicketNo('YH', '20270101', sequence)).toMatch(TICKET_NO_PATTERN)
  })
})
