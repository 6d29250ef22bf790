/** Demo personas (fictional): one per role, signed in on the local stage through the WeChat stand-in. */
import type { Role } from '@linli/shared'

export interface Persona {
  openid: string
  name: string
  role: Role
  scopeId: string
  phone: string
  title: string
}

export const demoPersonas: Persona[] = [
  { openid: 'o-demo-resident', name: '王小梅', role: 'resident', scopeId: 'linjiang', phone: '13900001001', title: '柳岸社区居民' },
  { openid: 'o-demo-gridworker', name: '李建国', role: 'gridworker', scopeId: 'g-liuan-1', phone: '13800001000', title: '柳岸社区第一网格网格员' },
  { openid: 'o-demo-gridleader', name: '张丽', role: 'grid_leader', scopeId: 'g-liuan-1', phone: '13800001100', title: '柳岸社区网格长' },
  { openid: 'o-demo-dispatcher', name: '陈志强', role: 'dispatcher', scopeId: 's-qingshi', phone: '13900001002', title: '青石街道网格指挥中心坐席' },
  { openid: 'o-demo-district-dispatcher', name: '刘洋', role: 'dispatcher', scopeId: 'linjiang', phone: '13900001003', title: '临江区网格指挥中心坐席' },
  { openid: 'o-demo-official', name: '赵刚', role: 'official', scopeId: 'dept-water', phone: '13900001004', title: '区水务局工作人员' },
  { openid: 'o-demo-official2', name: '钱伟', role: 'official', scopeId: 'dept-housing', phone: '13900001010', title: '区住建局工作人员（联办）' },
  { openid: 'o-demo-mediator', name: '孙梅', role: 'mediator', scopeId: 'room-qingshi', phone: '13900001005', title: '青石街道说事室调解员' },
  { openid: 'o-demo-mediator2', name: '李德明', role: 'mediator', scopeId: 'room-qingshi', phone: '13900001007', title: '青石街道说事室调解员（老李说事）' },
  { openid: 'o-demo-mediator3', name: '王秀兰', role: 'mediator', scopeId: 'room-liuan', phone: '13900001008', title: '柳岸社区调解室调解员' },
  { openid: 'o-demo-mediator4', name: '何平', role: 'mediator', scopeId: 'room-bailu', phone: '13900001009', title: '白鹭镇说事室调解员' },
  { openid: 'o-demo-admin', name: '周敏', role: 'admin', scopeId: 'linjiang', phone: '13900001006', title: '临江区系统管理员' },
  { openid: 'o-demo-leader', name: '高远', role: 'leader', scopeId: 'linjiang', phone: '13900001011', title: '临江区分管领导' },
]

/** The second demo district 临溪区 (tenancy): the same scope ids as 临江区, other people. */
export const secondDistrictPersonas: Persona[] = [
  { openid: 'o-demo2-resident', name: '钱多多', role: 'resident', scopeId: 'linxi', phone: '13900002001', title: '临溪区居民' },
  { openid: 'o-demo2-dispatcher', name: '冯磊', role: 'dispatcher', scopeId: 's-qingshi', phone: '13900002002', title: '临溪区青石街道坐席' },
  { openid: 'o-demo2-official', name: '蒋华', role: 'official', scopeId: 'dept-water', phone: '13900002004', title: '临溪区水务局工作人员' },
  { openid: 'o-demo2-admin', name: '沈洁', role: 'admin', scopeId: 'linxi', phone: '13900002006', title: '临溪区系统管理员' },
]
