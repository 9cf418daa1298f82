/**
 * H5 only, and only for NutUI: config/nutui-aria.ts points NutUI's `@tarojs/components` here. With
 * `useHtmlComponents`, Taro's View and Text are plain React DOM, which would print NutUI's camelCase
 * ARIA props as-is (`ariarole`, booleans dropped); here they become `role` and `aria-*`.
 */
import { createElement, forwardRef, type ComponentType } from 'react'
import { Text as HtmlText, View as HtmlView } from '@tarojs/components-react'
import { toDomAria } from './dom-aria'

export * from '@tarojs/components-react'

type Props = Record<string, unknown>

const withDomAria = (Component: ComponentType<Props>, name: string) => {
  const Wrapped = forwardRef<unknown, Props>((props, ref) => createElement(Component, { ...toDomAria(props), ref }))
  Wrapped.displayName = name
  return Wrapped
}

export const View = withDomAria(HtmlView as ComponentType<Props>, 'View')
export const Text = withDomAria(HtmlText as ComponentType<Props>, 'Text')

/**
 * NutUI's Button as a div with button semantics. Taro's web Button brings WeUI's look (grey default
 * background, a 15px gap between neighbouring buttons) in selectors that outrank NutUI's own. NutUI
 * already ignores clicks while disabled or loading; `formType` is unused (no Taro Form here).
 */
export const Button = forwardRef<unknown, Props>(function Button({ formType: _formType, type: _type, className, ...props }, ref) {
  const disabled = typeof className === 'string' && /\bnut-button-disabled\b/.test(className)
  return createElement(HtmlView as ComponentType<Props>, {
    role: 'button',
    tabIndex: disabled ? -1 : 0,
    'aria-disabled': disabled ? 'true' : undefined,
    ...toDomAria(props),
    className,
    ref,
  })
})
