/**
 * A light test double of @tarojs/components for jsdom (jest maps it in app-env.js).
 * The real React build ships ESM web components (stencil) that jest cannot load untransformed;
 * tests only need plain DOM elements that keep text, aria-* props and the events NutUI relies on.
 */
import { createElement, forwardRef, type ReactNode } from 'react'

type AnyProps = Record<string, unknown> & { children?: ReactNode }

const PASS_THROUGH = /^(aria-|data-)/
const EVENTS: Record<string, string> = {
  onClick: 'onClick',
  onTap: 'onClick',
  onTouchStart: 'onTouchStart',
  onTouchMove: 'onTouchMove',
  onTouchEnd: 'onTouchEnd',
  onScroll: 'onScroll',
}

function domProps(props: AnyProps): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(props)) {
    if (key === 'className' || key === 'id' || key === 'role' || key === 'children' || key === 'hidden' || PASS_THROUGH.test(key)) {
      out[key] = value
    } else if (key === 'style' && value && typeof value === 'object') {
      out.style = value
    } else if (EVENTS[key] && typeof value === 'function') {
      out[EVENTS[key]] = value
    }
  }
  return out
}

const host = (tag: string, name: string) => {
  const Component = forwardRef<HTMLElement, AnyProps>((props, ref) => createElement(tag, { ...domProps(props), ref }))
  Component.displayName = name
  return Component
}

export const View = host('div', 'View')
export const Text = host('span', 'Text')
export const Block = host('div', 'Block')
export const Label = host('label', 'Label')
export const Form = host('form', 'Form')
export const Swiper = host('div', 'Swiper')
export const SwiperItem = host('div', 'SwiperItem')
export const Canvas = host('canvas', 'Canvas')
export const Video = host('video', 'Video')
export const RichText = host('div', 'RichText')
export const Navigator = host('a', 'Navigator')

export const ScrollView = forwardRef<HTMLElement, AnyProps>((props, ref) =>
  createElement('div', { ...domProps(props), ref, 'data-scroll-view': true }),
)
ScrollView.displayName = 'ScrollView'

export const Image = forwardRef<HTMLElement, AnyProps>((props, ref) =>
  createElement('img', { ...domProps(props), ref, src: props.src as string, alt: (props.alt as string) ?? '' }),
)
Image.displayName = 'Image'

export const Button = forwardRef<HTMLElement, AnyProps>((props, ref) =>
  createElement('button', { ...domProps(props), ref, type: 'button', disabled: Boolean(props.disabled) }),
)
Button.displayName = 'Button'

type Handler = ((event: unknown) => void) | undefined
const fieldEvent = (target: HTMLInputElement | HTMLTextAreaElement) => ({ detail: { value: target.value }, target, currentTarget: target })

const field = (tag: 'input' | 'textarea', name: string) => {
  const Component = forwardRef<HTMLElement, AnyProps>((props, ref) => {
    const { onInput, onConfirm, onFocus, onBlur } = props as Record<string, Handler>
    return createElement(tag, {
      ...domProps(props),
      ref,
      value: (props.value as string | undefined) ?? undefined,
      placeholder: props.placeholder as string | undefined,
      disabled: Boolean(props.disabled),
      readOnly: Boolean(props.readOnly),
      type: tag === 'input' ? (props.type === 'digit' || props.type === 'number' ? 'text' : (props.password ? 'password' : 'text')) : undefined,
      inputMode: props.type === 'digit' ? 'decimal' : props.type === 'number' ? 'numeric' : undefined,
      onChange: (event: { target: HTMLInputElement }) => onInput?.(fieldEvent(event.target)),
      onKeyDown: (event: { key: string; target: HTMLInputElement }) => {
        if (event.key === 'Enter') onConfirm?.(fieldEvent(event.target))
      },
      onFocus: (event: { target: HTMLInputElement }) => onFocus?.(fieldEvent(event.target)),
      onBlur: (event: { target: HTMLInputElement }) => onBlur?.(fieldEvent(event.target)),
    })
  })
  Component.displayName = name
  return Component
}

export const Input = field('input', 'Input')
export const Textarea = field('textarea', 'Textarea')

export const Switch = forwardRef<HTMLElement, AnyProps>((props, ref) =>
  createElement('input', {
    ...domProps(props),
    ref,
    type: 'checkbox',
    role: 'switch',
    checked: Boolean(props.checked),
    onChange: (event: { target: HTMLInputElement }) =>
      (props.onChange as Handler)?.({ detail: { value: event.target.checked } }),
  }),
)
Switch.displayName = 'Switch'
