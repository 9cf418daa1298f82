import { LruCache } from './lru'

describe('LruCache', () => {
  it('keeps at most its capacity, dropping the least recently used entry', () => {
    const cache = new LruCache<string, number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.get('a')).toBe(1) // a is now the most recently used
    cache.set('c', 3)
    expect(cache.size).toBe(2)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe(1)
    expect(cache.get('c')).toBe(3)
  })

  it('replaces a value without growing and keeps null values', () => {
    const cache = new LruCache<string, number | null>(2)
    cache.set('a', 1)
    cache.set('a', null)
    expect(cache.size).toBe(1)
    expect(cache.get('a')).toBeNull()
  })

  it('refuses a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError)
  })
})
