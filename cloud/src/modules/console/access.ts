import type { StaffIdentity } from '../auth/identity'
import { forbidden } from '../../http/errors'

// Who may do what in the console: agents save drafts of their zone; supervisors and admins of the zone
// publish and revert; admins act on every zone and alone create zones.

export const requireZone = (member: StaffIdentity, zoneId: string): void => {
  if (member.role !== 'admin' && member.zoneId !== zoneId) throw forbidden('只能管理本开发区的内容')
}

export const requirePublisher = (member: StaffIdentity, zoneId: string): void => {
  requireZone(member, zoneId)
  if (member.role === 'agent') throw forbidden('店小二可以保存草稿，发布和恢复需要主管或管理员')
}

export const requireAdmin = (member: StaffIdentity, message = '只有管理员可以进行此操作'): void => {
  if (member.role !== 'admin') throw forbidden(message)
}

/** The zone a console query is about: staff of a zone get theirs; admins name one (required when `required`). */
export const zoneForQuery = (member: StaffIdentity, requested: string | undefined): string | null => {
  if (member.role === 'admin') return requested ?? null
  if (requested && requested !== member.zoneId) throw forbidden('只能管理本开发区的内容')
  return member.zoneId
}
