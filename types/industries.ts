/**
 * The one curated industry list: the park directory's 产业 filter, policy matching and content all
 * speak it. Content keeps the words its article or zone uses (新型医药和医疗器械, 化工循环经济 …);
 * each word belongs to the industries whose keywords it contains, so near-duplicates fall together
 * (化工 / 化工循环经济 / 绿色高端化工 → 化工). No zod here: the main package uses it.
 */

export const INDUSTRY_IDS = [
  'chemicals',
  'health',
  'equipment',
  'materials',
  'electronics',
  'digital',
  'energy',
  'environment',
  'agriculture',
  'logistics',
  'tourism',
  'textile',
  'metals',
  'aviation',
  'finance',
  'commerce',
  'hitech',
] as const
export type IndustryId = (typeof INDUSTRY_IDS)[number]

export type Industry = {
  id: IndustryId
  /** What people see: 医药健康. */
  label: string
  /** Words that put a content tag in this industry when the tag contains one of them. */
  keywords: readonly string[]
}

export const INDUSTRIES: readonly Industry[] = [
  { id: 'chemicals', label: '化工', keywords: ['化工', '化学'] },
  { id: 'health', label: '医药健康', keywords: ['医药', '医疗', '医养', '制药', '药业', '药物', '原料药'] },
  { id: 'equipment', label: '高端装备制造', keywords: ['装备', '制造', '智造', '机械', '电机'] },
  { id: 'materials', label: '新材料', keywords: ['材料', '橡塑'] },
  { id: 'electronics', label: '电子信息', keywords: ['电子信息', '电子科技', '信息技术', '芯片', '物联网', '通讯', '通信'] },
  { id: 'digital', label: '数字经济', keywords: ['数字', '电子商务', '大数据', '软件'] },
  { id: 'energy', label: '新能源', keywords: ['新能源', '光伏', '充电', '储能', '氢能'] },
  { id: 'environment', label: '节能环保', keywords: ['节能', '环保'] },
  { id: 'agriculture', label: '现代农业', keywords: ['农业', '农产品', '养殖', '种植', '农文旅'] },
  { id: 'logistics', label: '现代物流', keywords: ['物流'] },
  { id: 'tourism', label: '文化旅游', keywords: ['旅游', '文旅', '康养'] },
  { id: 'textile', label: '纺织服装', keywords: ['纺织', '服装'] },
  { id: 'metals', label: '铝业与金属', keywords: ['铝', '金属', '钢铁'] },
  { id: 'aviation', label: '航空', keywords: ['航空', '无人机'] },
  { id: 'finance', label: '金融服务', keywords: ['金融', '融资', '基金'] },
  { id: 'commerce', label: '商贸服务', keywords: ['商贸', '综合体', '夜经济', '人力资源'] },
  { id: 'hitech', label: '高新技术', keywords: ['高新技术', '高科技', '双创'] },
]

export const INDUSTRY_LABELS = Object.fromEntries(INDUSTRIES.map((industry) => [industry.id, industry.label])) as Record<IndustryId, string>

export const isIndustryId = (value: unknown): value is IndustryId => (INDUSTRY_IDS as readonly unknown[]).includes(value)

/** The industries a content tag belongs to (in list order); empty when it names none of them. */
export function industriesOf(tag: string): IndustryId[] {
  const text = tag.trim().toLowerCase()
  if (!text) return []
  return INDUSTRIES.filter((industry) => industry.label === text || industry.keywords.some((keyword) => text.includes(keyword))).map(
    (industry) => industry.id,
  )
}

/** The industries of several tags, each once, in list order. */
export function industriesOfAll(tags: readonly string[]): IndustryId[] {
  const found = new Set(tags.flatMap(industriesOf))
  return INDUSTRY_IDS.filter((id) => found.has(id))
}
