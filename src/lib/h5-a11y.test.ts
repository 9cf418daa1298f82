import { installH5A11y } from './h5-a11y'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeAll(async () => {
  document.body.innerHTML = `
    <div class="taro_page"><div class="nut-button" role="button" id="ok">提交</div></div>
    <taro-tabbar></taro-tabbar>`
  installH5A11y()
  await settle()
})

test('a button drawn as a div gets a tab stop, and loses it while disabled', async () => {
  const ok = document.getElementById('ok')!
  expect(ok.getAttribute('tabindex')).toBe('0')

  ok.setAttribute('aria-disabled', 'true')
  await settle()
  expect(ok.getAttribute('tabindex')).toBe('-1')
  ok.removeAttribute('aria-disabled')
  await settle()
  expect(ok.getAttribute('tabindex')).toBe('0')
})

test('the page container is the main landmark with a tab stop; the tab bar is the navigation', () => {
  const page = document.querySelector('.taro_page')!
  expect(page.getAttribute('role')).toBe('main')
  expect(page.getAttribute('tabindex')).toBe('0')
  expect(document.querySelector('taro-tabbar')!.getAttribute('role')).toBe('navigation')
})

test('controls added later get a tab stop, NutUI dialogs get their semantics', async () => {
  const host = document.createElement('div')
  host.innerHTML = `
    <span role="radio" aria-checked="false" id="chip">平原</span>
    <div role="switch" aria-checked="false" id="switch"></div>
    <div class="nut-dialog"><div class="nut-dialog-header">个人信息保护提示</div></div>
    <div class="nut-popup nut-popup-bottom"><div class="nut-popup-title-title">空间类型</div></div>`
  document.body.appendChild(host)
  await settle()

  expect(document.getElementById('chip')!.getAttribute('tabindex')).toBe('0')
  expect(document.getElementById('switch')!.getAttribute('tabindex')).toBe('0')

  for (const [selector, title] of [
    ['.nut-dialog', '个人信息保护提示'],
    ['.nut-popup', '空间类型'],
  ]) {
    const dialog = document.querySelector(selector)!
    expect(dialog.getAttribute('role')).toBe('dialog')
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe(title)
  }
})

test('Enter activates a focused link or button, Space only buttons and the like', async () => {
  const host = document.createElement('div')
  host.innerHTML = `<span role="link" id="link">查看</span><span role="button" id="button">删除</span>`
  document.body.appendChild(host)
  await settle()
  const clicks: string[] = []
  for (const id of ['link', 'button']) document.getElementById(id)!.addEventListener('click', () => clicks.push(id))

  const press = (id: string, key: string) =>
    document.getElementById(id)!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  press('link', 'Enter')
  press('link', ' ')
  press('button', ' ')
  expect(clicks).toEqual(['link', 'button'])
})
