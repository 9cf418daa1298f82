// Taro builds use babel-preset-taro; jest uses plain presets (see test/jest/babel.jest.js).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
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
