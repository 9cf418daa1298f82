import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: true, stats: false },
  mini: {},
  h5: {
    // Browser router: every page path falls back to index.html.
    devServer: { host: '127.0.0.1', port: Number(process.env.H5_PORT || 10086), historyApiFallback: true, open: false },
  },
} satisfies UserConfigExport<'webpack5'>
