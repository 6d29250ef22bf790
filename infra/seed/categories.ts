/**
 * The demo category taxonomy: 8 classes, 26 items, each with default department, priority and SLA band.
 * Emergencies marked 'auto' are dispatched to the department at once (auto-dispatch rule) when it has officials.
 */
import type { Priority, SlaBand } from '@linli/shared'

type Item = [id: string, name: string, department: string, priority: Priority, band: SlaBand, autoDispatch?: 'auto']

const taxonomy: [classId: string, className: string, items: Item[]][] = [
  [
    'env',
    '市容环境',
    [
      ['garbage', '垃圾堆放', 'urban', 'medium', 'general'],
      ['ads', '乱贴乱画', 'urban', 'low', 'general'],
      ['stall', '占道经营', 'urban', 'low', 'general'],
      ['illegal-build', '违章搭建', 'urban', 'medium', 'complex'],
    ],
  ],
  [
    'facility',
    '公共设施',
    [
      ['streetlight', '路灯损坏', 'power', 'medium', 'general'],
      ['manhole', '井盖缺失', 'urban', 'high', 'urgent'],
      ['road', '道路破损', 'housing', 'medium', 'general'],
    ],
  ],
  [
    'utility',
    '水电气热',
    [
      ['water-off', '停水', 'water', 'high', 'utility'],
      ['power-off', '停电', 'power', 'high', 'utility', 'auto'],
      ['gas-leak', '燃气泄漏', 'gas', 'high', 'urgent', 'auto'],
      ['heating', '供暖不热', 'housing', 'medium', 'utility'],
    ],
  ],
  [
    'safety',
    '安全隐患',
    [
      ['fire-exit', '消防通道堵塞', 'fire', 'high', 'urgent'],
      ['ebike', '电动车楼道充电', 'fire', 'high', 'urgent'],
      ['danger-tree', '危树危房', 'emergency', 'high', 'urgent'],
    ],
  ],
  [
    'eco',
    '生态环境',
    [
      ['noise', '噪音扰民', 'eco', 'medium', 'general'],
      ['fumes', '油烟污染', 'eco', 'medium', 'general'],
      ['sewage', '污水排放', 'eco', 'medium', 'general'],
    ],
  ],
  [
    'dispute',
    '矛盾纠纷',
    [
      ['neighbour', '邻里纠纷', 'justice', 'medium', 'complex'],
      ['property', '物业纠纷', 'housing', 'medium', 'complex'],
      ['labour', '劳资纠纷', 'justice', 'medium', 'complex'],
    ],
  ],
  [
    'order',
    '社会治安',
    [
      ['suspicious', '可疑人员', 'police', 'high', 'urgent'],
      ['security', '治安隐患', 'police', 'medium', 'general'],
    ],
  ],
  [
    'welfare',
    '民生服务',
    [
      ['elderly', '养老帮扶', 'civil', 'medium', 'general'],
      ['relief', '低保救助', 'civil', 'medium', 'complex'],
      ['food', '食品安全', 'market', 'high', 'general'],
      ['health', '卫生防疫', 'health', 'medium', 'general'],
    ],
  ],
]

/** Classes whose cases name people or private matters: neighbours never see them through "nearby". */
const sensitiveClasses = ['dispute', 'order', 'welfare']
/** Classes whose cases a dispatcher may refer to a talk-it-out room (人民调解). */
const mediableClasses = ['dispute']

export const demoCategories = taxonomy.map(([id, name, items], order) => ({
  id: `cls-${id}`,
  name,
  order,
  sensitive: sensitiveClasses.includes(id),
  mediable: mediableClasses.includes(id),
  items: items.map(([itemId, itemName, dept, priority, slaBand, auto], itemOrder) => ({
    id: `cat-${itemId}`,
    name: itemName,
    order: itemOrder,
    departmentId: `dept-${dept}`,
    priority,
    slaBand,
    autoDispatch: auto === 'auto',
  })),
}))
