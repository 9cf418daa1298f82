// Taro builds use babel-preset-taro; jest uses plain presets (see test/jest/babel.jest.js).
const presetEnv = require('@babel/preset-env')
const presetTaro = require('babel-preset-taro')

/**
 * babel-preset-taro with preset-env's `bugfixes` mode (Babel 8's default), which it does not expose.
 * Without it, Safari's parameter-scope bug (fixed in 16.3) makes Babel lower every destructuring
 * for our iOS 12+ targets, adding helpers and code to every module of the 2 MB package.
 */
const taroWithBugfixes = (api, options) => {
  const config = presetTaro(api, options)
  for (const override of config.overrides ?? []) {
    for (const preset of override.presets ?? []) if (Array.isArray(preset) && preset[0] === presetEnv) preset[1] = { ...preset[1], bugfixes: true }
  }
  return config
}

module.exports = {
  presets: [[taroWithBugfixes, { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        // NutUI 3 keeps each component in a lowercase folder with its own CSS entry (SearchBar → searchbar: the plugin hands us search-bar).
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.replace(/-/g, '').toLowerCase()}`,
        customStyleName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.replace(/-/g, '').toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
