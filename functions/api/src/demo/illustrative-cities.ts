import type { SchemeInput, UnitInput } from '@pingce/scoring'

/**
 * 安康 2015 and 上海 2016, reconstructed from what their circulars say (seeds 001 and 004): the
 * units, groups, methods and the published 优秀 / 良好 lists are theirs; the schemes are built from
 * the described methods and the scores are illustrative (the circulars print none), generated so
 * that the published grades come out.
 */
export interface IllustrativeCity {
  tenant: {
    tenantId: string
    name: string
    divisionCode: string
    tier: '省级' | '副省级' | '省会' | '地市' | '区县'
  }
  evaluation: { evaluationId: string; name: string; year: number }
  scheme: SchemeInput
  groups: { groupId: string; name: string; prefix: string; units: { name: string; isTop: boolean }[] }[]
  entriesFor: (options: {
    unit: { name: string; isTop: boolean }
    random: () => number
  }) => UnitInput['entries']
}

/** A small deterministic generator, so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const between = (random: () => number, low: number, high: number) =>
  Math.round((low + random() * (high - low)) * 100) / 100

const ankangCounties = [
  '汉滨区',
  '汉阴县',
  '石泉县',
  '宁陕县',
  '紫阳县',
  '岚皋县',
  '平利县',
  '镇坪县',
  '旬阳县',
  '白河县',
  '安康高新区',
  '瀛湖生态旅游区',
  '恒口示范区',
]
const ankangTopCounties = new Set(['旬阳县', '石泉县', '紫阳县'])
const ankangDepartments = [
  '市国土局',
  '市发改委',
  '市工信局',
  '市公安局',
  '市地税局',
  '市监察局',
  '市扶贫局',
  '市政务服务中心',
  '市住建局',
  '市药监局',
  '市商务局',
  '市民宗局',
  '市文广局',
  '市林业局',
  '市科技局',
  '市环保局',
  '市盐务局',
  '市考试管理中心',
  '市教育局',
  '市民政局',
  '市司法局',
  '市财政局',
  '市人社局',
  '市交通局',
  '市水利局',
  '市农业局',
  '市卫计局',
  '市审计局',
  '市统计局',
  '市安监局',
  '市物价局',
  '市旅游局',
  '市工商局',
  '市质监局',
  '市食品药品监管局',
  '市粮食局',
  '市住房公积金中心',
  '市人防办',
  '市档案局',
  '市气象局',
  '市国税局',
  '市供销社',
  '市残联',
  '市妇联',
  '市团市委',
  '市科协',
  '市侨办',
  '市法制办',
  '市信访局',
  '市金融办',
  '市体育局',
  '市规划局',
]
const ankangTopDepartments = new Set(['市国土局', '市发改委', '市工信局', '市公安局', '市地税局'])
const stages = ['online', 'expert', 'assessment'] as const

export const ankang2015: IllustrativeCity = {
  tenant: { tenantId: 'ankang', name: '安康市', divisionCode: '610900', tier: '地市' },
  evaluation: { evaluationId: 'ak-2015', name: '2015 年全市政府网站绩效评估（示意数据）', year: 2015 },
  scheme: {
    id: 'ankang-2015',
    version: 1,
    name: '2015年全市政府网站绩效评估指标（安政办函〔2015〕210号，按通报重建）',
    decimals: 2,
    measures: [{ id: '监测问题数', label: '日常监测问题数（空白、未更新栏目与错误链接）', periods: 'sum' }],
    trees: {
      main: [
        ...[
          ['信息公开', 30],
          ['办事服务', 20],
          ['互动交流', 20],
          ['网站管理', 20],
        ].map(([id, max]) => ({
          id: String(id),
          label: String(id),
          max: Number(max),
          // 在线检查、专家评估、综合考核评比：三个阶段的评分按权重合成。
          raters: { combine: 'weighted' as const, weights: { online: 0.3, expert: 0.4, assessment: 0.3 } },
        })),
        {
          id: '日常监测',
          label: '日常监测（每处问题扣 1 分，最多扣 10 分）',
          max: 10,
          source: { kind: 'deductions' as const, measure: '监测问题数', pointsPerItem: 1, cap: 10 },
        },
      ],
    },
    groups: [
      {
        id: 'county',
        name: '县区组',
        tree: 'main',
        grades: { by: 'quota', quotas: [{ grade: '优秀', top: 3 }] },
      },
      {
        id: 'department',
        name: '政府机构组',
        tree: 'main',
        grades: { by: 'quota', quotas: [{ grade: '优秀', top: 5 }] },
      },
    ],
    ties: { policy: 'competition' },
  },
  groups: [
    {
      groupId: 'county',
      name: '县区组',
      prefix: 'ak-c',
      units: ankangCounties.map((name) => ({ name, isTop: ankangTopCounties.has(name) })),
    },
    {
      groupId: 'department',
      name: '政府机构组',
      prefix: 'ak-d',
      units: ankangDepartments.map((name) => ({ name, isTop: ankangTopDepartments.has(name) })),
    },
  ],
  entriesFor: ({ unit, random }) => [
    ...(['信息公开', '办事服务', '互动交流', '网站管理'] as const).flatMap((key) => {
      const max = key === '信息公开' ? 30 : 20
      const [low, high] = unit.isTop ? [0.9, 0.99] : [0.6, 0.88]
      return stages.map((rater) => ({ key, rater, value: between(random, max * low, max * high) }))
    }),
    { kind: 'measure' as const, key: '监测问题数', value: unit.isTop ? 0 : Math.floor(random() * 12) },
  ],
}

const shanghaiDistricts = {
  top: [
    '普陀区',
    '徐汇区',
    '黄浦区',
    '奉贤区',
    '杨浦区',
    '金山区',
    '静安区',
    '闵行区',
    '崇明区',
    '虹口区',
    '浦东新区',
  ],
  good: ['长宁区', '松江区', '宝山区', '青浦区', '嘉定区'],
}
const shanghaiDepartments = {
  top: [
    '市科委',
    '市地税局',
    '市卫生计生委',
    '市财政局',
    '市绿化市容局',
    '市民政局',
    '市教委',
    '市规划国土资源局',
    '市交通委',
    '市发展改革委',
    '市食品药品监管局',
    '市经济信息化委',
    '市公安局',
    '市旅游局',
    '市人力资源社会保障局',
    '市质量技监局',
    '市审计局',
    '市体育局',
    '市口岸办',
    '市司法局',
    '市工商局',
    '市农委',
    '市民防办',
    '市水务局',
    '市社团局',
    '市住房城乡建设管理委',
    '市商务委',
  ],
  good: [
    '市政府外办',
    '市安全监管局',
    '市环保局',
    '市民族宗教委',
    '市监狱管理局',
    '市新闻出版局',
    '市文广影视局',
    '市统计局',
    '市政府新闻办',
    '市国资委',
    '市知识产权局',
    '市政府参事室',
    '市粮食局',
    '市政府侨办',
    '市机管局',
    '市金融办',
    '市文史研究馆',
    '市政府法制办',
    '市政府合作交流办',
    '市政府发展研究中心',
    '市监察局',
    '市公务员局',
    '市政府征兵办',
  ],
}
const shanghaiCommittees = {
  top: ['上海虹桥商务区管理委员会', '中国(上海)自由贸易试验区管理委员会', '上海市临港地区开发建设管理委员会'],
  good: [
    '上海国际旅游度假区管理委员会',
    '上海佘山国家旅游度假区管理委员会',
    '上海市张江高新技术产业开发区管理委员会',
    '上海长兴岛开发建设管理委员会',
    '上海化学工业区管理委员会',
  ],
}
const listOf = (lists: { top: string[]; good: string[] }) => [
  ...lists.top.map((name) => ({ name, isTop: true })),
  ...lists.good.map((name) => ({ name, isTop: false })),
]
const shanghaiDimensions = [
  ['网站普查', 20],
  ['网站建设', 20],
  ['内容保障工作', 25],
  ['网站专项功能', 20],
  ['用户访问情况', 15],
] as const
const raterGroups = ['expert', 'supervisor', 'public'] as const

export const shanghai2016: IllustrativeCity = {
  tenant: { tenantId: 'shanghai', name: '上海市', divisionCode: '310000', tier: '省级' },
  evaluation: { evaluationId: 'sh-2016', name: '2016 年度本市政府网站测评（示意数据）', year: 2016 },
  scheme: {
    id: 'shanghai-2016',
    version: 1,
    name: '2016年度本市政府网站测评（沪府办〔2016〕87号，按通报重建）',
    decimals: 2,
    measures: [],
    trees: {
      main: shanghaiDimensions.map(([id, max]) => ({
        id,
        label: id,
        max,
        // 现场测评与网上测评：95 位专家、22 位社会监督员、3228 人次公众，按组加权，组内去掉两端 10%。
        raters: {
          combine: 'weighted' as const,
          trim: 0.1,
          weights: { expert: 0.6, supervisor: 0.2, public: 0.2 },
        },
      })),
    },
    groups: [
      { id: 'district', name: '区政府', tree: 'main' },
      { id: 'department', name: '市政府部门', tree: 'main' },
      { id: 'committee', name: '管委会', tree: 'main' },
    ],
    // 只评优秀、良好两个等次。
    grades: { by: 'threshold', bands: [{ grade: '优秀', min: 85 }], otherwise: '良好' },
    ties: { policy: 'dense' },
  },
  groups: [
    { groupId: 'district', name: '区政府', prefix: 'sh-q', units: listOf(shanghaiDistricts) },
    { groupId: 'department', name: '市政府部门', prefix: 'sh-d', units: listOf(shanghaiDepartments) },
    { groupId: 'committee', name: '管委会', prefix: 'sh-g', units: listOf(shanghaiCommittees) },
  ],
  entriesFor: ({ unit, random }) =>
    shanghaiDimensions.flatMap(([key, max]) => {
      const [low, high] = unit.isTop ? [0.87, 0.99] : [0.7, 0.83]
      return raterGroups.flatMap((group) =>
        [1, 2, 3].map((person) => ({
          key,
          rater: `${group}:${person}`,
          value: between(random, max * low, max * high),
        })),
      )
    }),
}
