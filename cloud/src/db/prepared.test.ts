import type { Db } from './client'
import { preparedStatement } from './prepared'

describe('preparedStatement', () => {
  it('prepares a name once per database and hands the same statement back', () => {
    const first = {} as Db
    const second = {} as Db
    let prepared = 0
    const prepare = jest.fn(() => ({ prepare: (name: string) => ({ name, statement: ++prepared }) }))
    const a = preparedStatement(first, 'queue', prepare)
    expect(preparedStatement(first, 'queue', prepare)).toBe(a)
    expect(prepare).toHaveBeenCalledTimes(1)
    // Another database (a test's own, another process's pool) prepares its own.
    expect(preparedStatement(second, 'queue', prepare)).not.toBe(a)
    expect(preparedStatement(first, 'identity', prepare)).not.toBe(a)
    expect(prepare).toHaveBeenCalledTimes(3)
  })
})
