import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroMock } from '../../test/jest/taro'
import { contentCacheStorage, taroStorage } from './storage'

beforeEach(() => taroMock.reset())

const cacheStore = () =>
  create<{ items: string[] }>()(persist(() => ({ items: [] as string[] }), { name: 'test-cache', storage: contentCacheStorage }))

test('an offline copy written by this build is read back on the next launch', async () => {
  const first = cacheStore()
  first.setState({ items: ['pingyuan-jingde'] })
  const next = cacheStore()
  await next.persist.rehydrate()
  expect(next.getState().items).toEqual(['pingyuan-jingde'])
})

test('an offline copy written under another contract (an older app version) is ignored, not misread', async () => {
  taroMock.storage.set('test-cache', `contract:older\n${JSON.stringify({ state: { items: ['old-shape'] }, version: 0 })}`)
  taroMock.storage.set('test-cache-unstamped', JSON.stringify({ state: { items: ['older-still'] }, version: 0 }))
  const store = cacheStore()
  await store.persist.rehydrate()
  expect(store.getState().items).toEqual([])
  expect(contentCacheStorage?.getItem('test-cache-unstamped')).toBeNull()
})

test('user data in plain storage is kept whatever the contract', () => {
  taroMock.storage.set('parklink-draft', JSON.stringify({ state: { company: '德州某企业' }, version: 1 }))
  expect(taroStorage?.getItem('parklink-draft')).toEqual({ state: { company: '德州某企业' }, version: 1 })
})
