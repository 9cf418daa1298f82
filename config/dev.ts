import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: true, stats: false },
  // No dependency prebundling: its esbuild pass scans @stencil/core's dynamic import (an empty-glob
  // warning) and its extra webpack compile carries React Refresh without HMR ("HMR is not enabled").
  // The dev server's own compile keeps Fast Refresh with HMR.
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  mini: {},
  h5: {
    // Browser router: every page path falls back to index.html.
    devServer: { host: '127.0.0.1', port: Number(process.env.H5_PORT || 10086), historyApiFallback: true, open: false },
  },
} satisfies UserConfigExport<'webpack5'>
