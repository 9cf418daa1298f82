import fp from 'fastify-plugin'
import { LocalUploadStorage, S3UploadStorage, type UploadStorage } from '../../modules/uploads/storage'

declare module 'fastify' {
  interface FastifyInstance {
    /** Where photo bytes live: S3-compatible object storage when S3_* is set, else local disk (UPLOAD_DIR). */
    uploadStorage: UploadStorage
  }
}

export default fp(
  async (app) => {
    const { s3, uploadDir } = app.config
    const storage: UploadStorage = s3 ? new S3UploadStorage(s3) : new LocalUploadStorage(uploadDir)
    app.decorate('uploadStorage', storage)
    app.addHook('onClose', async () => storage.close())
  },
  { name: 'upload-storage', dependencies: ['context'] },
)
