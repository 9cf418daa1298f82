import path from 'node:path'

/**
 * H5: NutUI's `import { View } from '@tarojs/components'` resolves to src/lib/h5-nutui-components, which
 * turns NutUI's camelCase ARIA props into DOM attributes (see there). Only NutUI's imports are
 * redirected, so the app's own Views stay the plain components with no wrapper.
 */
export function nutuiAria(chain: { plugin: (name: string) => { use: (plugin: unknown, args: unknown[]) => unknown } }, webpack: { NormalModuleReplacementPlugin: unknown }): void {
  const target = path.resolve(__dirname, '..', 'src', 'lib', 'h5-nutui-components.ts')
  chain.plugin('nutui-aria').use(webpack.NormalModuleReplacementPlugin, [
    /^@tarojs\/components$/,
    (resource: { request: string; context?: string }) => {
      if (resource.context && /[\\/]@nutui[\\/]/.test(resource.context)) resource.request = target
    },
  ])
}
