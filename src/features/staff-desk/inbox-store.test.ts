import { buildInboxQuery } from './inbox-store'

test('the query carries the queue and only the filters that are set', () => {
  expect(buildInboxQuery({ queue: 'new', parkId: null, type: null, zoneId: null })).toEqual({ queue: 'new', limit: 20 })
  expect(buildInboxQuery({ queue: 'mine', parkId: 'pingyuan-jingde', type: 'site', zoneId: 'pingyuan' }, 'cur-2')).toEqual({
    queue: 'mine',
    parkId: 'pingyuan-jingde',
    type: 'site',
    zoneId: 'pingyuan',
    cursor: 'cur-2',
    limit: 20,
  })
})
