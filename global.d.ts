/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** Injected by config/index.ts from TARO_APP_API_BASE at build time. */
declare const API_BASE: string
/** Fingerprint of types/ (config/contract-hash.ts): offline caches written under another contract are dropped. */
declare const CONTRACT_HASH: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5'
    NODE_ENV: 'development' | 'production' | 'test'
  }
}
