import type { Completeness, CompletenessEntry, ContentKind } from '../../../../types/console'
import type { Chain, ContentBundle, Park, Policy, Space, Zone } from '../../../../types/content'
import { NOT_PROVIDED } from '../../../../types/vocabulary'

// 资料完整度: per zone and per park, the facts investors cannot see yet because nobody has provided
// them. The investor pages leave such facts out; this list is where staff find them.

type Gap = { field: string; label: string }
const missing = (value: unknown) =>
  value === NOT_PROVIDED || value === undefined || value === null || (Array.isArray(value) && value.length === 0)
const gaps = (checks: [unknown, string, string][]): Gap[] =>
  checks.filter(([value]) => missing(value)).map(([, field, label]) => ({ field, label }))

const zoneGaps = (zone: Zone): Gap[] => [
  ...gaps([
    [zone.contact.phone, 'contact.phone', '联系电话'],
    [zone.investmentHotline, 'investmentHotline', '招商热线'],
    [zone.supervisionHotline, 'supervisionHotline', '监督热线'],
    [zone.contact.address, 'contact.address', '地址'],
    [zone.contact.location, 'contact.location', '地图位置'],
    [zone.officeHours, 'officeHours', '办公时间'],
    [zone.photos, 'photos', '照片'],
  ]),
  ...(zone.figures.some((figure) => figure.year === undefined) ? [{ field: 'figures', label: '数据所属年份' }] : []),
]

const parkGaps = (park: Park, spaces: number): Gap[] => [
  ...gaps([
    [park.contact.phone, 'contact.phone', '联系电话'],
    [park.contact.address, 'contact.address', '地址'],
    [park.contact.location, 'contact.location', '地图位置'],
    [park.photos, 'photos', '照片'],
    [park.headline.area, 'headline.area', '占地面积'],
    [park.headline.investment, 'headline.investment', '总投资'],
    [park.headline.enterprises, 'headline.enterprises', '入驻企业数'],
    [park.industries, 'industries', '主导产业'],
  ]),
  ...(spaces === 0 ? [{ field: 'spaces', label: '载体（土地、厂房、写字楼）' }] : []),
]

const policyGaps = (policy: Policy): Gap[] =>
  gaps([
    [policy.validTo, 'validTo', '有效期'],
    [policy.howToApply, 'howToApply', '申报方式'],
    [policy.issuer, 'issuer', '发布单位'],
    [policy.eligibility, 'eligibility', '适用对象'],
    [policy.benefits === NOT_PROVIDED && policy.amount === NOT_PROVIDED ? NOT_PROVIDED : 'ok', 'benefits', '支持内容或额度'],
  ])

const spaceGaps = (space: Space): Gap[] =>
  gaps([
    [space.area, 'area', '面积'],
    [space.price, 'price', '价格或面议'],
    [space.availability, 'availability', '租售状态'],
    [space.photos, 'photos', '照片'],
    [space.delivery === NOT_PROVIDED && space.deliveryDate === NOT_PROVIDED ? NOT_PROVIDED : 'ok', 'deliveryDate', '交付时间'],
  ])

const chainGaps = (chain: Chain): Gap[] =>
  gaps([
    [chain.contact, 'contact', '专班联系电话'],
    [chain.gaps, 'gaps', '招商方向'],
    [chain.ownerEnterprises, 'ownerEnterprises', '链主企业'],
  ])

/** The checklist of one zone: its profile, every park, and the other records with something missing. */
export const completeness = (bundle: ContentBundle, zone: Zone): Completeness => {
  const entry = (kind: ContentKind, id: string, name: string, parkId: string | null, list: Gap[]): CompletenessEntry => ({
    kind,
    id,
    name,
    parkId,
    gaps: list,
  })
  const ofZone = <T extends { zoneId: string }>(records: T[]) => records.filter((record) => record.zoneId === zone.id)
  const spaces = ofZone(bundle.spaces)
  const parks = ofZone(bundle.parks).map((park) =>
    entry('parks', park.id, park.name, park.id, parkGaps(park, spaces.filter((space) => space.parkId === park.id).length)),
  )
  const records = [
    ...ofZone(bundle.policies).map((policy) =>
      entry('policies', policy.id, policy.title, policy.parkIds.length === 1 ? policy.parkIds[0] : null, policyGaps(policy)),
    ),
    ...spaces.map((space) => entry('spaces', space.id, space.title, space.parkId, spaceGaps(space))),
    ...ofZone(bundle.chains).map((chain) => entry('chains', chain.id, chain.name, null, chainGaps(chain))),
  ].filter((record) => record.gaps.length > 0)
  const zoneEntry = entry('zones', zone.id, zone.name, null, zoneGaps(zone))
  return {
    zoneId: zone.id,
    zone: zoneEntry,
    parks,
    records,
    gapCount: [zoneEntry, ...parks, ...records].reduce((sum, item) => sum + item.gaps.length, 0),
  }
}
