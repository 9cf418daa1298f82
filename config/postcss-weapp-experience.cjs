// PostCSS for the weapp build only (config/index.ts mini.postcss), on our styles and NutUI's alike,
// for two of WeChat's 体验评分 rules (npm run check:weapp scores them):
// - 避免使用 :active 伪类来实现点击态: a native button shows its press through hover-class, which
//   Taro sets to `button-hover` unless told otherwise, so `X:active` on a button becomes
//   `X.button-hover`; other `:active` selectors (NutUI's close icons) have no hover-class to take
//   over and are dropped.
// - 开启惯性滚动: every rule that scrolls (overflow: scroll/auto) gets -webkit-overflow-scrolling: touch.
const SCROLLS = /\b(scroll|auto)\b/

const pressSelector = (selector) => {
  if (!/:active\b/.test(selector)) return selector
  return /button/i.test(selector) ? selector.replace(/:active\b/g, '.button-hover') : null
}

const plugin = () => ({
  postcssPlugin: 'weapp-experience',
  Rule(rule) {
    if (/:active\b/.test(rule.selector)) {
      const kept = rule.selectors.map(pressSelector).filter(Boolean)
      if (!kept.length) {
        rule.remove()
        return
      }
      rule.selectors = kept
    }
    const decls = rule.nodes.filter((node) => node.type === 'decl')
    const scrolls = decls.some((decl) => /^overflow(-x|-y)?$/i.test(decl.prop) && SCROLLS.test(decl.value))
    if (scrolls && !decls.some((decl) => decl.prop.toLowerCase() === '-webkit-overflow-scrolling')) {
      rule.append({ prop: '-webkit-overflow-scrolling', value: 'touch' })
    }
  },
})
plugin.postcss = true

module.exports = plugin
