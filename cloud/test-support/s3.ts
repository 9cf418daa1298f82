import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import type { S3Settings } from '../src/config'

/** s3rver's built-in account. */
const ACCOUNT = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

export type LocalS3 = {
  /** Settings for S3UploadStorage (or the S3_* variables) that reach this server. */
  settings: S3Settings
  /** Stops the server and removes its folder. */
  close(): Promise<void>
}

/**
 * s3rver, a local S3-compatible server from npm, on a free loopback port with an empty bucket
 * and its objects in a temp folder. It knows one account (an unknown access key is refused with 403);
 * it does not recompute SigV4 signatures, which the AWS SDK computes.
 */
export const startLocalS3 = async (bucket = 'parklink-photos'): Promise<LocalS3> => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] })
  const { port } = await server.run()
  let running = true
  return {
    settings: { endpoint: `http://127.0.0.1:${port}`, bucket, region: 'us-east-1', pathStyle: true, ...ACCOUNT },
    close: async () => {
      if (running) await server.close()
      running = false
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}
