// Tests print only what matters (issue 15.19): a Fastify deprecation (FSTDEP…) or React's findDOMNode
// warning in a test file fails that file, naming what was printed, so the cause gets fixed.
const noise = []
const emitWarning = process.emitWarning
process.emitWarning = function (warning, ...rest) {
  const code = typeof warning === 'object' ? warning.code : (rest.find((arg) => typeof arg === 'object')?.code ?? rest[1])
  if (/^FST(DEP|WRN)\d+/.test(String(code ?? ''))) noise.push(`${code}: ${String(warning?.message ?? warning)}`)
  return emitWarning.call(this, warning, ...rest)
}
const consoleError = console.error
console.error = (...args) => {
  if (args.some((arg) => String(arg).includes('findDOMNode'))) noise.push(`findDOMNode: ${String(args[0]).slice(0, 200)}`)
  consoleError(...args)
}
afterAll(() => {
  process.emitWarning = emitWarning
  console.error = consoleError
  expect(noise).toEqual([])
})
