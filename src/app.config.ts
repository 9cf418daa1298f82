export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: '园区通', navigationBarBackgroundColor: '#ffffff', navigationBarTextStyle: 'black' },
  lazyCodeLoading: 'requiredComponents',
})
