import { eq } from 'drizzle-orm'
import type { ZoneSettings, ZoneSettingsBody } from '../../../../types/console'
import type { Config } from '../../config'
import type { Db } from '../../db/client'
import { staff, zoneSettings } from '../../db/schema'
import type { StaffIdentity } from '../auth/identity'
import { writeAudit } from '../console/audit'

/** A zone's notification settings as admins see them; a zone without a row has none set. */
export const getZoneSettings = async (db: Db, zoneId: string): Promise<ZoneSettings> => {
  const [row] = await db
    .select({
      wecomWebhookUrl: zoneSettings.wecomWebhookUrl,
      wechatTemplateReply: zoneSettings.wechatTemplateReply,
      wechatTemplateResolved: zoneSettings.wechatTemplateResolved,
      updatedAt: zoneSettings.updatedAt,
      updatedById: zoneSettings.updatedBy,
      updatedByName: staff.displayName,
    })
    .from(zoneSettings)
    .leftJoin(staff, eq(staff.id, zoneSettings.updatedBy))
    .where(eq(zoneSettings.zoneId, zoneId))
  return {
    zoneId,
    wecomWebhookUrl: row?.wecomWebhookUrl ?? null,
    wechatTemplateReply: row?.wechatTemplateReply ?? null,
    wechatTemplateResolved: row?.wechatTemplateResolved ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedById && row.updatedByName ? { id: row.updatedById, displayName: row.updatedByName } : null,
  }
}

/** Replaces the zone's settings (the body names every field; null clears one). */
export const putZoneSettings = async (
  db: Db,
  zoneId: string,
  body: ZoneSettingsBody,
  member: StaffIdentity,
  now: Date,
): Promise<ZoneSettings> => {
  const values = { ...body, updatedAt: now, updatedBy: member.id }
  await db.transaction(async (tx) => {
    await tx
      .insert(zoneSettings)
      .values({ zoneId, ...values })
      .onConflictDoUpdate({ target: zoneSettings.zoneId, set: values })
    // Which settings are set, never their values: the webhook's key is a secret.
    const set = Object.entries(body).flatMap(([field, value]) => (value === null ? [] : [field]))
    await writeAudit(tx, { action: 'zone_settings_changed', zoneId, staffId: member.id, at: now, detail: { set } })
  })
  return getZoneSettings(db, zoneId)
}

export type NotificationTargets = {
  /** The zone's WeCom robot, or the development default; null: none. */
  wecomWebhookUrl: string | null
  templates: { reply: string | undefined; resolved: string | undefined }
}

/** Where a zone's notifications go now: its own settings, else the config's defaults. */
export const notificationTargets = async (
  db: Db,
  config: Pick<Config, 'wecomWebhookDefault' | 'wechat'>,
  zoneId: string,
): Promise<NotificationTargets> => {
  const [row] = await db
    .select({
      wecomWebhookUrl: zoneSettings.wecomWebhookUrl,
      reply: zoneSettings.wechatTemplateReply,
      resolved: zoneSettings.wechatTemplateResolved,
    })
    .from(zoneSettings)
    .where(eq(zoneSettings.zoneId, zoneId))
  return {
    wecomWebhookUrl: row?.wecomWebhookUrl ?? config.wecomWebhookDefault ?? null,
    templates: {
      reply: row?.reply ?? config.wechat.templates.reply,
      resolved: row?.resolved ?? config.wechat.templates.resolved,
    },
  }
}
