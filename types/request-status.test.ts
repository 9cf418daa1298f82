import { OPEN_STATUSES, REQUEST_STATUSES, STATUS_TRANSITIONS, inStatusGroup, isOpenStatus } from './request-status'

describe('request statuses', () => {
  it('splits every status into open or done for the investor list', () => {
    for (const status of REQUEST_STATUSES) {
      expect(inStatusGroup(status, 'all')).toBe(true)
      expect(inStatusGroup(status, 'open')).toBe(isOpenStatus(status))
      expect(inStatusGroup(status, 'done')).toBe(!isOpenStatus(status))
    }
    expect([...OPEN_STATUSES]).toEqual(['new', 'accepted', 'in_progress', 'waiting_investor'])
  })

  it('never leaves a finished request', () => {
    expect(STATUS_TRANSITIONS.closed).toEqual([])
    expect(STATUS_TRANSITIONS.withdrawn).toEqual([])
  })
})
