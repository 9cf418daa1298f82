import { actionRunner, type ActionState } from './action-runner'

interface State extends ActionState<'save' | 'send'> {
  value: string
}

const store = (initial: Partial<State> = {}) => {
  let state: State = { id: 'r1', busy: null, actionError: null, value: 'old', ...initial }
  const get = () => state
  const set = (patch: Partial<State>) => (state = { ...state, ...patch })
  return { get, set, act: actionRunner(get, set, (error) => `失败：${(error as Error).message}`) }
}

test('an action marks itself busy, ignores a repeat tap meanwhile, and keeps its answer', async () => {
  const { get, act } = store()
  let finish!: (value: string) => void
  const first = act('save', () => new Promise<Partial<State>>((resolve) => (finish = (value) => resolve({ value }))))
  expect(get().busy).toBe('save')
  await expect(act('send', async () => ({ value: 'other' }))).resolves.toBe(false)
  finish('new')
  await expect(first).resolves.toBe(true)
  expect(get()).toMatchObject({ busy: null, actionError: null, value: 'new' })
})

test('a failure keeps its words for the page and frees the buttons; nothing runs without an open item', async () => {
  const { get, act } = store()
  await expect(act('send', () => Promise.reject(new Error('网络中断')))).resolves.toBe(false)
  expect(get()).toMatchObject({ busy: null, actionError: '失败：网络中断', value: 'old' })
  const closed = store({ id: null })
  const run = jest.fn(async () => ({ value: 'x' }))
  await expect(closed.act('save', run)).resolves.toBe(false)
  expect(run).not.toHaveBeenCalled()
})

test('an answer for an item that is no longer open is dropped', async () => {
  const { get, set, act } = store()
  const pending = act('save', async () => {
    set({ id: 'r2' })
    return { value: 'for r1' }
  })
  await expect(pending).resolves.toBe(true)
  expect(get()).toMatchObject({ id: 'r2', busy: null, value: 'old' })
})
