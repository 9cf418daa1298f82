// Babel for jest only: node-targeted, TypeScript + React, NutUI through babel-plugin-import like the app build.
module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-typescript', { allowDeclareFields: true }],
    ['@babel/preset-react', { runtime: 'automatic' }],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        customName: (name) => `@nutui/nutui-react-taro/dist/cjs/packages/${name.replace(/-/g, '').toLowerCase()}`,
        style: false,
      },
      'nutui-react-taro',
    ],
  ],
}
