import { PHOTO_THUMB_PX } from '@/types/vocabulary'
import { apiUrl } from '@/api/client'
import { photoThumbUrl } from './photo-url'

test('tiles ask the API for the thumbnail of an uploaded photo; other pictures are left alone', () => {
  expect(photoThumbUrl('/api/uploads/p1?exp=1&sig=abc')).toBe(`${apiUrl('/api/uploads/p1?exp=1&sig=abc')}&w=${PHOTO_THUMB_PX}`)
  expect(photoThumbUrl('/api/uploads/p1')).toBe(`${apiUrl('/api/uploads/p1')}?w=${PHOTO_THUMB_PX}`)
  expect(photoThumbUrl('http://tmp/photo.png')).toBe('http://tmp/photo.png')
})
