import { PHOTO_THUMB_PX } from '@/types/vocabulary'
import { photoSrc, photoThumbSrc } from './uploads'

test('tiles ask the API for the thumbnail of an uploaded photo; other pictures are left alone', () => {
  expect(photoThumbSrc('/api/uploads/p1?exp=1&sig=abc')).toBe(`${photoSrc('/api/uploads/p1?exp=1&sig=abc')}&w=${PHOTO_THUMB_PX}`)
  expect(photoThumbSrc('/api/uploads/p1')).toBe(`${photoSrc('/api/uploads/p1')}?w=${PHOTO_THUMB_PX}`)
  expect(photoThumbSrc('http://tmp/photo.png')).toBe('http://tmp/photo.png')
})
