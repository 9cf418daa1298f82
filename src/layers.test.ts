/**
 * @jest-environment node
 *
 * The layering of src/ is enforced by ESLint (.eslintrc.cjs, `npm run lint`); this keeps the rules
 * themselves honest: a configuration that stopped resolving imports would pass every file silently.
 * Each case lints new text as if it were an existing file (import/no-cycle reads the others from
 * disk). ESLint runs in a plain Node process: its import resolver patches Node's module loader,
 * which jest replaces.
 */
import { execFileSync } from 'child_process'
import { join } from 'path'

const root = join(__dirname, '..')

/** Rules broken by each [file under src/, source text], in order. */
function lint(cases: Array<[string, string]>): string[][] {
  const script = `
    const { ESLint } = require('eslint')
    const cases = JSON.parse(process.env.CASES)
    ;(async () => {
      const eslint = new ESLint({ cwd: process.cwd() })
      const out = []
      for (const [file, code] of cases) {
        const [result] = await eslint.lintText(code, { filePath: require('path').join(process.cwd(), 'src', file) })
        out.push(result.messages.map((m) => m.ruleId ?? m.message))
      }
      process.stdout.write(JSON.stringify(out))
    })()
  `
  const output = execFileSync(process.execPath, ['-e', script], { cwd: root, env: { ...process.env, CASES: JSON.stringify(cases) } })
  return JSON.parse(output.toString()) as string[][]
}

test('imports that follow the flow pass; upward, staff-side, feature-internal and circular ones fail', () => {
  const upward = "import { useSession } from '@/features/session/session-store'\nexport const s = useSession\n"
  const staffSide = "import { useInbox } from '@/features/staff-desk/inbox-store'\nexport const s = useInbox\n"
  const internals = "import { headlineFigures } from '@/features/parks/internal/figures'\nexport const f = headlineFigures\n"
  expect(
    lint([
      ['pages/park/index.tsx', "import ParkScreen from '@/features/parks/ParkScreen'\nexport const page = ParkScreen\n"],
      ['lib/format.ts', upward],
      ['components/section/Section.tsx', upward],
      ['features/service/api.ts', staffSide],
      ['pages/park/index.tsx', staffSide],
      ['features/home/HomeScreen.tsx', internals],
      ['lib/query.ts', "import { ROUTES } from './routes'\nexport const r = ROUTES\n"],
    ]),
  ).toEqual([
    [],
    ['boundaries/dependencies'],
    ['boundaries/dependencies'],
    ['boundaries/dependencies'],
    ['boundaries/dependencies'],
    ['boundaries/dependencies'],
    ['import/no-cycle'],
  ])
}, 120_000)
