import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { repoRoot } from '../src/paths'

/**
 * Runs a TypeScript entry point through tsx's loader inside one node process (so the child's pid
 * is the one that takes locks and gets signals). Always PGlite: DATABASE_URL is cleared.
 */
export const startScript = (script: string, env: Record<string, string>, args: string[] = []): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })

export const runScript = (script: string, env: Record<string, string>, args: string[] = []) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = startScript(script, env, args)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
