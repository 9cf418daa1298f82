// A throwaway Taro React app with one page rendering "hello", configured like this repo's (same Taro,
// webpack5, the same H5 router and output names) and built with this repo's node_modules through a
// symlink: the baseline the package sizes are compared with. Same browserslist and Babel setup;
// no NutUI, no zustand, no plugin-html (this repo dropped it too).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { repoRoot, run } from '../../test/load/api-process.mjs'

const FILES = {
  'package.json': JSON.stringify(
    {
      name: 'hello',
      private: true,
      templateInfo: { name: 'default', typescript: true, css: 'Sass', framework: 'React' },
      // The same targets as this repo, so both builds transpile alike.
      browserslist: JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).browserslist,
    },
    null,
    2,
  ),
  // This repo's Babel setup (babel-preset-taro in bugfixes mode), so both builds transpile alike.
  'babel.config.js': `module.exports = require(${JSON.stringify(join(repoRoot, 'babel.config.js'))})\n`,
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2020', module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true, skipLibCheck: true } }),
  'project.config.json': JSON.stringify({ miniprogramRoot: 'dist/', appid: 'touristappid', compileType: 'miniprogram', setting: { es6: true, minified: true } }),
  'config/index.ts': `import { defineConfig } from '@tarojs/cli'

export default defineConfig<'webpack5'>(async () => ({
  projectName: 'hello',
  date: '2026-11-21',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist',
  plugins: [],
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  mini: { postcss: { pxtransform: { enable: true, config: {} } } },
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    router: { mode: 'browser' },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
    postcss: { autoprefixer: { enable: true, config: {} } },
  },
}))
`,
  'src/app.config.ts': `export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: 'hello' } })\n`,
  'src/app.ts': `import { PropsWithChildren } from 'react'\n\nfunction App({ children }: PropsWithChildren) {\n  return children\n}\n\nexport default App\n`,
  'src/pages/index/index.config.ts': `export default definePageConfig({ navigationBarTitleText: 'hello' })\n`,
  'src/pages/index/index.tsx': `import { Text, View } from '@tarojs/components'\n\nexport default function Index() {\n  return (\n    <View>\n      <Text>hello</Text>\n    </View>\n  )\n}\n`,
  'src/index.html': `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta content="width=device-width,initial-scale=1,user-scalable=no" name="viewport">
  <title>hello</title>
  <script><%= htmlWebpackPlugin.options.script %></script>
</head>
<body>
  <div id="app"></div>
</body>
</html>
`,
}

/** Creates the project in a temp dir and builds it (weapp and h5 by default); returns the output folders and each build's result. */
export const buildHelloWorld = async ({ types = ['weapp', 'h5'] } = {}) => {
  const root = mkdtempSync(join(tmpdir(), 'parklink-hello-'))
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir')
  const taro = join(repoRoot, 'node_modules/.bin/taro')
  const env = { NODE_ENV: 'production' }
  const skipped = { code: null, output: 'not built' }
  const weapp = types.includes('weapp') ? await run(taro, ['build', '--type', 'weapp'], { cwd: root, env, quiet: true }) : skipped
  const h5 = types.includes('h5') ? await run(taro, ['build', '--type', 'h5'], { cwd: root, env, quiet: true }) : skipped
  return { root, weapp: { ...weapp, dist: join(root, 'dist') }, h5: { ...h5, dist: join(root, 'dist-h5') } }
}

const bytesUnder = (dir) =>
  readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name)
    return sum + (statSync(path).isDirectory() ? bytesUnder(path) : statSync(path).size)
  }, 0)

const CACHE = join(repoRoot, 'node_modules/.cache/parklink/hello-world-weapp.json')

/** Everything the hello-world weapp build depends on: same inputs, same size. */
const floorKey = () => {
  const hash = createHash('sha256').update(JSON.stringify(FILES))
  for (const file of ['babel.config.js', 'package-lock.json']) hash.update(readFileSync(join(repoRoot, file)))
  return hash.update(process.version.split('.')[0]).digest('hex')
}

/**
 * The Taro hello-world's weapp main package in bytes: the floor the main package is compared with
 * (check:weapp, npm run bench). Built once per set of inputs (a minute) and kept in node_modules/.cache.
 * `built` (a hello-world the caller already built, as the bench does) is measured instead of building again.
 */
export const helloWorldWeappFloor = async ({ built } = {}) => {
  const key = floorKey()
  if (!built && existsSync(CACHE)) {
    const cached = JSON.parse(readFileSync(CACHE, 'utf8'))
    if (cached.key === key) return { mainBytes: cached.mainBytes, cached: true }
  }
  const hello = built ?? (await buildHelloWorld({ types: ['weapp'] }))
  try {
    if (hello.weapp.code !== 0) throw new Error(`hello-world weapp build failed:\n${hello.weapp.output.slice(-2000)}`)
    const mainBytes = bytesUnder(hello.weapp.dist)
    mkdirSync(dirname(CACHE), { recursive: true })
    writeFileSync(CACHE, JSON.stringify({ key, mainBytes, builtAt: new Date().toISOString() }))
    return { mainBytes, cached: false }
  } finally {
    if (!built) rmSync(hello.root, { recursive: true, force: true })
  }
}
