import { randomUUID as nodeRandomUUID } from 'node:crypto'
import { newDeviceId } from './session-store'

const UUID_V4 = /^dev-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** jsdom's crypto has getRandomValues but no randomUUID; browsers that have it are given Node's here. */
const withRandomUUID = (randomUUID: (() => string) | undefined, run: () => void) => {
  const had = Object.getOwnPropertyDescriptor(crypto, 'randomUUID')
  Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true })
  try {
    run()
  } finally {
    if (had) Object.defineProperty(crypto, 'randomUUID', had)
    else delete (crypto as { randomUUID?: unknown }).randomUUID
  }
}

describe('newDeviceId (a guest device id is a credential)', () => {
  it('is a random v4 UUID from crypto.randomUUID, never Math.random', () => {
    const random = jest.spyOn(Math, 'random')
    const randomUUID = jest.fn(nodeRandomUUID)
    try {
      withRandomUUID(randomUUID, () => {
        const ids = Array.from({ length: 50 }, newDeviceId)
        expect(ids.every((id) => UUID_V4.test(id))).toBe(true)
        expect(new Set(ids).size).toBe(50)
      })
      expect(randomUUID).toHaveBeenCalledTimes(50)
      expect(random).not.toHaveBeenCalled()
    } finally {
      random.mockRestore()
    }
  })

  it('falls back to crypto.getRandomValues where randomUUID is missing (older Safari, plain http)', () => {
    const random = jest.spyOn(Math, 'random')
    const getRandomValues = jest.spyOn(crypto, 'getRandomValues')
    try {
      withRandomUUID(undefined, () => {
        const ids = Array.from({ length: 20 }, newDeviceId)
        expect(ids.every((id) => UUID_V4.test(id))).toBe(true)
        expect(new Set(ids).size).toBe(20)
      })
      expect(getRandomValues).toHaveBeenCalledTimes(20)
      expect(random).not.toHaveBeenCalled()
    } finally {
      getRandomValues.mockRestore()
      random.mockRestore()
    }
  })
})
