/**
 * H5 only: what Taro's and NutUI's web markup leaves out for keyboard and screen-reader users.
 *
 * - Controls drawn as Views/Texts with a role (ours, and NutUI's through src/lib/h5-nutui-components)
 *   get a tab stop, none while aria-disabled.
 * - NutUI Dialog and Popup (sheets, pickers) have no dialog semantics: they get role="dialog",
 *   aria-modal and their visible title as name.
 * - Taro's page container (`.taro_page`) is the page's main content and its scrolling element: it
 *   becomes the `main` landmark with a tab stop, so pages without any control can still be scrolled
 *   from the keyboard; the tab bar becomes the `navigation` landmark.
 * - Enter (and Space for buttons, radios, switches, checkboxes, tabs) activates a focused control.
 *
 * The mini-program has its own accessibility layer; none of this runs there.
 */

const INTERACTIVE_ROLES = ['button', 'link', 'radio', 'checkbox', 'switch', 'tab', 'menuitem', 'option']
const SPACE_ROLES = new Set(['button', 'radio', 'checkbox', 'switch', 'tab', 'menuitem', 'option'])
const NATIVE = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA'])
const ROLE_SELECTOR = INTERACTIVE_ROLES.map((role) => `[role="${role}"]`).join(',')

/** Writes only real changes: the observer below watches these attributes, so same-value writes would loop. */
function setAttr(element: Element, name: string, value: string | null): void {
  if (element.getAttribute(name) === value) return
  if (value === null) element.removeAttribute(name)
  else element.setAttribute(name, value)
}

/** NutUI dialog-like containers and the element holding their visible title. */
const DIALOGS: Array<[container: string, title: string]> = [
  ['nut-dialog', 'nut-dialog-header'],
  ['nut-popup', 'nut-popup-title-title'],
]
let titleIds = 0

function fixDialog(element: Element, titleClass: string): void {
  setAttr(element, 'role', 'dialog')
  setAttr(element, 'aria-modal', 'true')
  const title = element.querySelector(`.${titleClass}`)
  if (!title) return
  if (!title.id) title.id = `pl-dialog-title-${(titleIds += 1)}`
  setAttr(element, 'aria-labelledby', title.id)
}

function fixElement(element: Element): void {
  for (const [container, title] of DIALOGS) if (element.classList.contains(container)) fixDialog(element, title)
  if (element.matches(ROLE_SELECTOR) && !NATIVE.has(element.tagName)) {
    setAttr(element, 'tabindex', element.getAttribute('aria-disabled') === 'true' ? '-1' : '0')
  }
  if (element.classList.contains('taro_page')) {
    if (!element.hasAttribute('role')) setAttr(element, 'role', 'main')
    if (!element.hasAttribute('tabindex')) setAttr(element, 'tabindex', '0')
  }
  if (element.localName === 'taro-tabbar' && !element.hasAttribute('role')) {
    setAttr(element, 'role', 'navigation')
    setAttr(element, 'aria-label', '主菜单')
  }
}

function fixTree(root: Element): void {
  fixElement(root)
  root.querySelectorAll(`taro-tabbar,.taro_page,.nut-dialog,.nut-popup,${ROLE_SELECTOR}`).forEach(fixElement)
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return
  const target = event.target as Element | null
  if (!target || NATIVE.has(target.tagName) || target.getAttribute('aria-disabled') === 'true') return
  const role = target.getAttribute('role')
  if (!role || !INTERACTIVE_ROLES.includes(role)) return
  if (event.key === ' ' && !SPACE_ROLES.has(role)) return
  event.preventDefault()
  ;(target as HTMLElement).click()
}

let installed = false

export function installH5A11y(): void {
  if (process.env.TARO_ENV !== 'h5' || installed || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  installed = true
  const start = () => {
    fixTree(document.body)
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') fixElement(record.target as Element)
        else record.addedNodes.forEach((node) => node.nodeType === 1 && fixTree(node as Element))
      }
    }).observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['role', 'aria-disabled'],
    })
    document.addEventListener('keydown', onKeyDown)
  }
  // A task of its own: the app's start-up script is the longest task of a cold load as it is.
  if (document.body) setTimeout(start, 0)
  else document.addEventListener('DOMContentLoaded', start, { once: true })
}
