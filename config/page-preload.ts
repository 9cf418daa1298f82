import type { Compiler } from 'webpack'

/** The token in src/index.html that becomes `{ "pages/park/index": ["/js/…", "/css/…"], … }`. */
const TOKEN = '__PAGE_FILES__'
const PAGE = /((?:pages|staff)\/[\w-]+\/index)(?:\.tsx?)?$/

/**
 * H5: writes into index.html which JS and CSS files each page loads, so the page that is opened can
 * fetch them alongside the app's own bundle instead of after it has run (one round trip less).
 */
export class PagePreloadPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PagePreloadPlugin', (compilation) => {
      // After html-webpack-plugin has emitted index.html (OPTIMIZE_INLINE).
      compilation.hooks.processAssets.tap({ name: 'PagePreloadPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const html = compilation.getAsset('index.html')
        if (!html) return
        const publicPath = String(compilation.outputOptions.publicPath ?? '/')
        const pages: Record<string, string[]> = {}
        for (const group of compilation.chunkGroups) {
          if (group.isInitial()) continue
          for (const origin of group.origins) {
            const page = PAGE.exec(origin.request ?? '')?.[1]
            if (page) pages[page] = [...group.getFiles()].filter((file) => /\.(js|css)$/.test(file)).map((file) => publicPath + file)
          }
        }
        const text = html.source.source().toString()
        if (!text.includes(TOKEN)) throw new Error(`PagePreloadPlugin: ${TOKEN} missing from index.html`)
        compilation.updateAsset('index.html', new sources.RawSource(text.replace(TOKEN, JSON.stringify(pages))))
      })
    })
  }
}
