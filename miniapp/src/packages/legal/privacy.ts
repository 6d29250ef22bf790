/**
 * 《隐私政策》 as data: what Linli collects, why, when and for how long. The in-app page shows it, docs/privacy-guide.md
 * is generated from it (`npm run privacy-guide`, checked in `npm test`) for the MP console's 《用户隐私保护指引》 form,
 * and a test holds it to the code: every WeChat API the mini-program calls that touches personal information is named
 * by an item here.
 */
export interface PrivacyItem {
  /** What is collected, in the words of WeChat's 用户隐私保护指引 form where it has one. */
  what: string
  why: string
  /** When it is collected: never before the feature that needs it. */
  when: string
  kept: string
  /** The WeChat APIs through which it is collected (checked against the code). */
  apis: readonly string[]
}

export const PRIVACY_UPDATED = '2026-12-04'

export const privacyItems: readonly PrivacyItem[] = [
  {
    what: '微信账号标识（openid）',
    why: '识别你的账号，并向你发送你同意接收的订阅消息；我们不获取你的微信昵称、头像和手机号',
    when: '你点击登录时（wx.login 的临时凭证在服务器换取，不在手机上保存）；此后会话过期时静默续期',
    kept: '账号存续期间；退出登录会结束你在所有设备上的会话',
    apis: ['login'],
  },
  {
    what: '位置信息',
    why: '找到你所在的网格和网格员、在上报的问题上标注位置、按远近排列说事室；工作人员打卡时核对是否在本网格内',
    when: '仅在你打开“我的网格”、上报问题、点“离我最近”或工作人员打卡时获取一次，或在你于地图上调整上报位置时由你选定，不在后台持续定位',
    kept: '查网格和说事室用的位置不保存；上报问题的位置随该事件保存；打卡位置随打卡记录保存',
    apis: ['getLocation', 'chooseLocation'],
  },
  {
    what: '选中的照片或视频信息、摄像头',
    why: '上报问题、办理回复和通知配图；照片经微信内容安全检测后才向他人展示',
    when: '仅在你点击添加照片时，由你从相册选择或拍摄',
    kept: '随所属的事件或通知保存；未通过检测的照片不再展示',
    apis: ['chooseMedia'],
  },
  {
    what: '群标识（opengid）',
    why: '网格员把通知分享到住户群后，统计该群内的阅读情况；不获取群名称和群成员',
    when: '仅在你从微信群中的通知卡片打开通知时（wx.getGroupEnterInfo）',
    kept: '随该通知的阅读记录保存',
    apis: ['getGroupEnterInfo'],
  },
  {
    what: '从微信聊天中选择的文件',
    why: '网格员导入本网格的住户台账（CSV 或 Excel 表格）',
    when: '仅在网格员点击“导入”并选择文件时',
    kept: '上传的文件 2 天后自动删除；导入的住户按住户台账保存',
    apis: ['chooseMessageFile'],
  },
  {
    what: '你填写的联系电话（选填）',
    why: '处理你上报的问题、安排你预约或加入的说事时联系你',
    when: '仅在你上报问题、预约说事或用邀请码加入说事并自愿填写时',
    kept: '加密保存，随该事件或预约保存；上报的号码仅处理该事件的工作人员可见，说事的号码仅你本人和调解员可见，调解员每次查看都记入审计日志',
    apis: [],
  },
  {
    what: '住户台账（门牌、户主、人数、电话、关爱标签）',
    why: '网格员走访和服务本网格住户',
    when: '由本网格网格员录入或导入；你申请绑定住户时由网格员核对',
    kept: '电话和关爱标签按字段加密保存；仅本网格网格员、网格长可见完整内容，每次查看都记入审计日志',
    apis: [],
  },
  {
    what: '通知的阅读与确认、说事预约与调解记录、订阅消息的允许与拒绝',
    why: '让网格员知道通知是否送达；安排说事和记录调解结果；只在你允许的次数内发送订阅消息',
    when: '你阅读或确认通知、预约说事、在订阅消息弹窗中选择时',
    kept: '随所属的通知、预约或账号保存',
    apis: ['requestSubscribeMessage'],
  },
]

export const privacyNotes: readonly string[] = [
  '我们不收集身份证号码，不读取你的通讯录、剪贴板和麦克风。',
  '不登录也可以浏览首页、我的网格、说事室和社区通知；需要账号的操作会先征得你的同意。',
  '你可以拒绝定位：首页、说事室和社区通知照常可用；上报问题时可以改为选择所在网格并填写地址；我的网格和打卡需要位置，会说明原因，并可在设置中重新允许；拒绝订阅消息时，进展仍可在“我的上报”中查看。',
  '数据保存在中国境内的服务器上，不向第三方提供，法律法规另有规定的除外。',
]
