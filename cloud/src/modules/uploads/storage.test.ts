import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { startLocalS3, type LocalS3 } from '../../../test-support/s3'
import { LocalUploadStorage, S3UploadStorage } from './storage'

describe('LocalUploadStorage', () => {
  it('stores and reads bytes by uuid; unknown ids read as null; other names are refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parklink-storage-'))
    try {
      const storage = new LocalUploadStorage(dir)
      const id = randomUUID()
      await storage.put(id, Buffer.from('bytes'))
      expect((await storage.get(id))?.toString()).toBe('bytes')
      expect(await storage.get(randomUUID())).toBeNull()
      await expect(storage.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow('uuid')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('S3UploadStorage (against a local s3rver)', () => {
  let s3: LocalS3
  beforeAll(async () => {
    s3 = await startLocalS3()
  })
  afterAll(() => s3.close())

  it('puts and gets objects under uploads/<id>; a missing object reads as null', async () => {
    const storage = new S3UploadStorage(s3.settings)
    try {
      const id = randomUUID()
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
      await storage.put(id, bytes)
      expect(await storage.get(id)).toEqual(bytes)
      expect(await storage.get(randomUUID())).toBeNull()

      const { settings } = s3
      const lister = new S3Client({ endpoint: settings.endpoint, region: settings.region, forcePathStyle: true, credentials: settings })
      const listed = await lister.send(new ListObjectsV2Command({ Bucket: settings.bucket }))
      lister.destroy()
      expect(listed.Contents?.map((object) => object.Key)).toContain(`uploads/${id}`)
      await expect(storage.put('../other-bucket/x', Buffer.from('x'))).rejects.toThrow('uuid')
    } finally {
      await storage.close()
    }
  })

  it('fails loudly on unknown credentials or an unreachable store, naming the host but not the credentials', async () => {
    const wrong = new S3UploadStorage({ ...s3.settings, accessKeyId: 'NOT-THE-KEY' })
    try {
      const refused = wrong.put(randomUUID(), Buffer.from('x'))
      await expect(refused).rejects.toThrow(`object store ${new URL(s3.settings.endpoint).host} refused PUT: HTTP 403`)
      await expect(refused).rejects.not.toThrow('NOT-THE-KEY')
    } finally {
      await wrong.close()
    }

    const stopped = await startLocalS3()
    await stopped.close()
    const unreachable = new S3UploadStorage(stopped.settings)
    try {
      await expect(unreachable.get(randomUUID())).rejects.toThrow('refused GET: unreachable')
    } finally {
      await unreachable.close()
    }
  })
})
