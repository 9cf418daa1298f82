// Build-time constants the Taro config injects.
globalThis.API_BASE = 'http://api.test'
process.env.TARO_ENV = process.env.TARO_ENV || 'h5'
