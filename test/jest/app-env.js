// Build-time constants the Taro config injects.
globalThis.API_BASE = 'http://api.test'
globalThis.H5_BASE = ''
globalThis.CONTRACT_HASH = 'test-contract'
process.env.TARO_ENV = process.env.TARO_ENV || 'h5'
// The real @tarojs/components React build is ESM web components; tests render plain DOM instead.
jest.mock('@tarojs/components', () => require('./components'))
