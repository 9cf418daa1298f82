/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** Injected by config/index.ts from TARO_APP_API_BASE at build time. */
declare const API_BASE: string
/** Injected by config/index.ts from TARO_APP_H5_BASE: where the H5 app is served ('' when not set), for links made in the mini-program. */
declare const H5_BASE: string
/** Fingerprint of types/ (config/contract-hash.ts): offline caches written under another contract are dropped. */
declare const CONTRACT_HASH: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    NODE_ENV: 'development' | 'production' | 'test'
  }
}

/** The one react-dom API the app uses (Sheet's portal on H5; @tarojs/react provides it in the mini-program). */
declare module 'react-dom' {
  import type { ReactNode, ReactPortal } from 'react'
  export function createPortal(children: ReactNode, container: Element): ReactPortal
}
