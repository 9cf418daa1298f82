import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {
    // ANALYZE=1 keeps module paths in the weapp bundles (ANALYZE=raw also skips minifying) to see what
    // a package is made of; sizes are otherwise measured by check:weapp and npm run bench.
    webpackChain(chain) {
      if (process.env.ANALYZE) {
        chain.optimization.set('moduleIds', 'named').set('concatenateModules', false)
        if (process.env.ANALYZE === 'raw') chain.optimization.set('minimize', false)
      }
    },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>
