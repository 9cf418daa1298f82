import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { contractHash } from './contract-hash'
import { nutuiAria } from './nutui-aria'
import { PagePreloadPlugin } from './page-preload'
import devConfig from './dev'
import prodConfig from './prod'

// The same mini-css-extract-plugin instance Taro's H5 build registers.
const extractCssLoader: string = require(
  require.resolve('mini-css-extract-plugin', { paths: [require.resolve('@tarojs/webpack5-runner')] }),
).loader

// API address is fixed at build time; production builds must point at an https domain on the WeChat whitelist.
const apiBase = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'
// The shared zod contract lives outside src/; Taro compiles only what it is told to.
const sharedTypes = path.resolve(__dirname, '..', 'types')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'parklink',
    date: '2026-11-21',
    // NutUI is drawn at 375 wide, our own styles at 750.
    designWidth(input) {
      const file = typeof input === 'object' && input ? String((input as { file?: string }).file ?? '') : ''
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT lets benchmarks and parallel checks build elsewhere without clobbering dist/.
    outputRoot: process.env.TARO_OUTPUT_ROOT || (process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist'),
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      // The H5 app's address, for the links staff share from the mini-program (H5 knows its own).
      H5_BASE: JSON.stringify((process.env.TARO_APP_H5_BASE || '').replace(/\/+$/, '')),
      CONTRACT_HASH: JSON.stringify(contractHash(sharedTypes)),
    },
    alias: {
      '@/types': sharedTypes,
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    // Fewer nesting levels in the mini-program's base.wxml (default 16): deeper nodes render through
    // Taro's recursive comp component. Keeps the main package within 1.3× the Taro hello-world.
    baseLevel: 8,
    compiler: 'webpack5',
    cache: { enable: false },
    // Taro's weapp minifier escapes every Chinese character as \uXXXX (6 bytes, 3 in UTF-8); WeChat reads UTF-8 source.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      compile: { include: [sharedTypes] },
      // CSS order between NutUI components and pages does not matter here; without this webpack warns per chunk.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
        // WeChat's 体验评分: hover-class instead of :active, inertial scrolling (see the file).
        './config/postcss-weapp-experience.cjs': { enable: true, config: {} },
      },
    },
    h5: {
      compile: { include: [sharedTypes] },
      // src/index.html preconnects to the API and preloads the first page's files and content request.
      htmlPluginOption: { apiBase: apiBase.replace(/\/+$/, '') },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      // View, Text, Button, Input, ScrollView... as plain React DOM (div, span, input) instead of Stencil web
      // components: no custom-element upgrade or rAF render per node, which was most of the H5 main-thread work.
      useHtmlComponents: true,
      esnextModules: ['nutui-react'],
      webpackChain(chain, webpack) {
        nutuiAria(chain, webpack)
        chain.plugin('page-preload').use(PagePreloadPlugin)
        // npm start: say when a rebuild fails or warns, not every asset and module of every rebuild.
        if (process.env.NODE_ENV === 'development') chain.stats('errors-warnings')
        // Production builds only (the ones that extract CSS): the start-up work is split into shorter tasks.
        if (chain.plugins.has('miniCssExtractPlugin')) {
          // Taro's own component CSS goes into app.css (still first, so ours overrides it) instead of being
          // injected by style-loader from app.js.
          chain.module.rule('taroStyle').use('0').loader(extractCssLoader).options({})
          // src/h5-boot.ts runs as a script of its own before the app's, on one shared runtime.
          const app = chain.entry('app').values()
          chain.entryPoints.delete('app')
          chain.entry('boot').add(path.resolve(__dirname, '..', 'src', 'h5-boot.ts'))
          for (const module of app) chain.entry('app').add(module)
          chain.optimization.runtimeChunk('single')
        }
        // ANALYZE=1 names modules and chunks (ANALYZE=raw also skips minifying), as for weapp in prod.ts.
        if (process.env.ANALYZE) {
          chain.optimization.set('moduleIds', 'named').set('chunkIds', 'named')
          if (process.env.ANALYZE === 'raw') chain.optimization.set('minimize', false)
        }
      },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
