import type { UserConfigExport } from '@tarojs/cli'
import { nutuiAria } from './nutui-aria'

export default {
  mini: {
    // ANALYZE=1 keeps module paths in the bundles (ANALYZE=raw also skips minifying) to see what
    // a package is made of; sizes are otherwise measured by check:weapp and npm run bench.
    webpackChain(chain) {
      if (process.env.ANALYZE) {
        chain.optimization.set('moduleIds', 'named').set('concatenateModules', false)
        if (process.env.ANALYZE === 'raw') chain.optimization.set('minimize', false)
      }
    },
  },
  h5: {
    webpackChain(chain, webpack) {
      nutuiAria(chain, webpack)
      if (process.env.ANALYZE) {
        chain.optimization.set('moduleIds', 'named').set('chunkIds', 'named')
        if (process.env.ANALYZE === 'raw') chain.optimization.set('minimize', false)
      }
    },
  },
} satisfies UserConfigExport<'webpack5'>
