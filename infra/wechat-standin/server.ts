/**
 * A local stand-in for the WeChat server APIs Linli calls, with WeChat's own paths, field names and error codes
 * (../shared/reference/wechat-apis.md), plus dev-only helpers: mint a login code for a persona, open a share card
 * from a group as a persona (the encrypted group data), list what was "sent", and switch faults on for tests. It never runs outside the local stage.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { FaultBoard, type Fault, type WechatApi } from './faults'

export interface StandinOptions {
  appid: string
  secret: string
  port?: number
  personas?: unknown[]
  /** Words that make msg_sec_check answer `risky` / `review`. */
  riskyWords?: string[]
  reviewWords?: string[]
  /**
   * The mini-program's message server (消息推送): where media_check_async verdicts are pushed, signed with `token`.
   * An image whose bytes contain the text RISKY is judged risky.
   */
  push?: { url: string; token: string }
}

/** How long after a media check's trace id its verdict is pushed (WeChat takes seconds to minutes). */
const MEDIA_VERDICT_DELAY_MS = 300

/** A verdict pushed to the message server, as WeChat sends it (JSON format). */
export interface MediaCheckPush {
  trace_id: string
  result: { suggest: 'risky' | 'pass'; label: number }
  status?: number
}

interface CodeGrant {
  openid: string
  /** The session_key of the login that made this code (wx.login refreshes a user's session_key). */
  sessionKey: Buffer
  expiresAt: number
  used: boolean
}

export interface SentMessage {
  msgid: number
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  sentAt: string
}

const CODE_TTL_MS = 5 * 60_000
const LOGIN_LIMIT_PER_MINUTE = 100
const rid = () => randomBytes(6).toString('hex')
const errmsg = (code: number) => `${errmsgs[code] ?? 'system error'} rid: ${rid()}`
const errmsgs: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40097: 'invalid args: not entered from a group (scene 1044)',
  40125: 'invalid appsecret',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  40129: 'invalid scene',
  47001: 'data format error',
  47003: 'argument invalid!',
}

export class WechatStandin {
  readonly faults = new FaultBoard()
  readonly messages: SentMessage[] = []
  /** media_check_async verdicts and what the message server answered them (dev helper: GET /dev/media). */
  readonly mediaChecks: MediaCheckPush[] = []
  private codes = new Map<string, CodeGrant>()
  private sessionKeys = new Map<string, Buffer>()
  private tokens = new Map<string, number>()
  private loginsPerMinute = new Map<string, { minute: number; count: number }>()
  private server?: Server
  private nextMsgId = 1

  constructor(private opts: StandinOptions) {}

  async listen(port = this.opts.port ?? 3900): Promise<number> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve))
    return (this.server.address() as AddressInfo).port
  }

  async close() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  /** wx.login for a persona: a fresh code, and a fresh session_key for the user (data encrypted before is stale). */
  mintCode(openid: string): string {
    const code = `dev_${randomBytes(12).toString('hex')}`
    const sessionKey = randomBytes(16)
    this.sessionKeys.set(openid, sessionKey)
    this.codes.set(code, { openid, sessionKey, expiresAt: Date.now() + CODE_TTL_MS, used: false })
    return code
  }

  /**
   * A persona opens a share card in a group: as the mini-program would, it logs in (a fresh code) and calls
   * wx.getGroupEnterInfo, whose encryptedData WeChat encrypts with the user's current session_key — AES-128-CBC,
   * PKCS#7, the key and iv base64 — around `{opengid, watermark: {timestamp, appid}}`. Outside scene 1044 the
   * client API fails with 40097, as WeChat's does.
   */
  groupEnter(openid: string, opengid: string, scene = 1044) {
    if (scene !== 1044) return fail(40097)
    const code = this.mintCode(openid)
    const iv = randomBytes(16)
    const plain = JSON.stringify({ opengid, watermark: { timestamp: Math.floor(Date.now() / 1000), appid: this.opts.appid } })
    const cipher = createCipheriv('aes-128-cbc', this.sessionKeys.get(openid)!, iv)
    const encryptedData = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64')
    return { errcode: 0, code, encryptedData, iv: iv.toString('base64') }
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }
    try {
      const body = req.method === 'POST' ? await readJson(req) : undefined
      const route = `${req.method} ${url.pathname}`
      const api = apiOf[route]
      if (api) {
        const fault = this.faults.take(api, this.openidOf(api, url.searchParams, body))
        if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
        if (fault?.httpStatus) return send(fault.httpStatus, { errcode: -1, errmsg: errmsg(-1) })
        if (fault?.errcode !== undefined) return send(200, { errcode: fault.errcode, errmsg: errmsg(fault.errcode) })
      }
      switch (route) {
        case 'GET /sns/jscode2session':
          return send(200, this.code2Session(url.searchParams))
        case 'POST /cgi-bin/stable_token':
          return send(200, this.stableToken(body))
        case 'POST /cgi-bin/message/subscribe/send':
          return send(200, this.subscribeSend(url.searchParams.get('access_token'), body))
        case 'POST /wxa/msg_sec_check':
          return send(200, this.msgSecCheck(url.searchParams.get('access_token'), body))
        case 'POST /wxa/media_check_async':
          return send(200, this.mediaCheckAsync(url.searchParams.get('access_token'), body))
        case 'GET /dev/media':
          return send(200, { checks: this.mediaChecks })
        case 'POST /dev/code': {
          const openid = (body as { openid?: unknown })?.openid
          if (typeof openid !== 'string' || !openid) return send(400, { errcode: 44002, errmsg: 'openid required' })
          return send(200, { code: this.mintCode(openid) })
        }
        case 'POST /dev/group-enter': {
          const b = (body ?? {}) as { openid?: unknown; opengid?: unknown; scene?: unknown }
          if (typeof b.openid !== 'string' || !b.openid || typeof b.opengid !== 'string' || !b.opengid)
            return send(400, { errcode: 44002, errmsg: 'openid and opengid required' })
          return send(200, this.groupEnter(b.openid, b.opengid, typeof b.scene === 'number' ? b.scene : 1044))
        }
        case 'GET /dev/personas':
          return send(200, { personas: this.opts.personas ?? [] })
        case 'GET /dev/messages': {
          const touser = url.searchParams.get('touser')
          return send(200, { messages: this.messages.filter((m) => !touser || m.touser === touser) })
        }
        case 'POST /dev/faults':
          this.faults.add(body as Fault)
          return send(200, { faults: this.faults.list() })
        case 'DELETE /dev/faults':
          this.faults.clear()
          return send(200, { faults: [] })
        default:
          return send(404, { errcode: 404, errmsg: `no such api: ${route}` })
      }
    } catch {
      return send(200, { errcode: 47001, errmsg: errmsg(47001) })
    }
  }

  /** Whom a call concerns, for user-scoped faults. */
  private openidOf(api: WechatApi, q: URLSearchParams, body: unknown): string | undefined {
    const b = (body ?? {}) as Record<string, unknown>
    if (api === 'jscode2session') return this.codes.get(q.get('js_code') ?? '')?.openid
    if (api === 'subscribe_send') return typeof b.touser === 'string' ? b.touser : undefined
    if (api === 'msg_sec_check' || api === 'media_check_async') return typeof b.openid === 'string' ? b.openid : undefined
    return undefined
  }

  private code2Session(q: URLSearchParams) {
    if (q.get('appid') !== this.opts.appid) return fail(40013)
    if (q.get('secret') !== this.opts.secret) return fail(40125)
    if (q.get('grant_type') !== 'authorization_code') return fail(40029)
    const grant = this.codes.get(q.get('js_code') ?? '')
    if (!grant || grant.used || grant.expiresAt < Date.now()) return fail(40029)
    if (!this.countLogin(grant.openid)) return fail(45011)
    grant.used = true
    return { openid: grant.openid, session_key: grant.sessionKey.toString('base64') }
  }

  private countLogin(openid: string): boolean {
    const minute = Math.floor(Date.now() / 60_000)
    const entry = this.loginsPerMinute.get(openid)
    const count = entry?.minute === minute ? entry.count + 1 : 1
    this.loginsPerMinute.set(openid, { minute, count })
    return count <= LOGIN_LIMIT_PER_MINUTE
  }

  private stableToken(body: unknown) {
    const b = (body ?? {}) as Record<string, unknown>
    if (b.grant_type !== 'client_credential') return fail(47001)
    if (b.appid !== this.opts.appid) return fail(40013)
    if (b.secret !== this.opts.secret) return fail(40125)
    const token = `standin_${randomBytes(24).toString('hex')}`
    this.tokens.set(token, Date.now() + 7200_000)
    return { access_token: token, expires_in: 7200 }
  }

  /** Forget every access token, as WeChat does when one is refreshed elsewhere: the next call gets 40001. */
  expireTokens() {
    this.tokens.clear()
  }

  private tokenValid(token: string | null) {
    const expires = token ? this.tokens.get(token) : undefined
    return expires !== undefined && expires > Date.now()
  }

  private subscribeSend(token: string | null, body: unknown) {
    if (!this.tokenValid(token)) return fail(40001)
    const b = (body ?? {}) as Partial<SentMessage>
    if (typeof b.touser !== 'string' || !b.touser) return fail(40003)
    if (typeof b.template_id !== 'string' || !b.template_id) return fail(40037)
    if (!b.data || typeof b.data !== 'object' || !Object.entries(b.data).every(([k, v]) => validKeyword(k, v))) return fail(47003)
    const msgid = this.nextMsgId++
    this.messages.push({ msgid, touser: b.touser, template_id: b.template_id, page: b.page, data: b.data, sentAt: new Date().toISOString() })
    return { errcode: 0, errmsg: 'ok', msgid }
  }

  private msgSecCheck(token: string | null, body: unknown) {
    if (!this.tokenValid(token)) return fail(40001)
    const b = (body ?? {}) as Record<string, unknown>
    if (typeof b.content !== 'string' || !b.content) return fail(44002)
    if (b.version !== 2 || typeof b.openid !== 'string') return fail(47001)
    if (![1, 2, 3, 4].includes(b.scene as number)) return fail(40129)
    const hit = (words?: string[]) => words?.find((w) => (b.content as string).includes(w))
    const risky = hit(this.opts.riskyWords)
    const review = hit(this.opts.reviewWords)
    const suggest = risky ? 'risky' : review ? 'review' : 'pass'
    const label = risky ? 20006 : review ? 21000 : 100
    return {
      errcode: 0,
      errmsg: 'ok',
      trace_id: rid(),
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: risky || review ? 90 : 0, keyword: risky ?? review ?? '' }],
    }
  }

  /** Answers a trace id at once; downloads the image, judges it and pushes the verdict to the message server. */
  private mediaCheckAsync(token: string | null, body: unknown) {
    if (!this.tokenValid(token)) return fail(40001)
    const b = (body ?? {}) as Record<string, unknown>
    if (typeof b.media_url !== 'string' || !/^https?:\/\//.test(b.media_url)) return fail(47001)
    if (b.media_type !== 2 || b.version !== 2 || typeof b.openid !== 'string') return fail(47001)
    if (![1, 2, 3, 4].includes(b.scene as number)) return fail(40129)
    const traceId = rid()
    void this.judge(traceId, b.media_url, b.openid).catch(() =>
      this.mediaChecks.push({ trace_id: traceId, result: { suggest: 'pass', label: 100 }, status: 0 }),
    )
    return { errcode: 0, errmsg: 'ok', trace_id: traceId }
  }

  private async judge(traceId: string, mediaUrl: string, openid: string) {
    const bytes = Buffer.from(await (await fetch(mediaUrl)).arrayBuffer())
    const risky = bytes.includes('RISKY')
    const check: MediaCheckPush = { trace_id: traceId, result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20002 : 100 } }
    this.mediaChecks.push(check)
    if (!this.opts.push) return
    // WeChat answers later (seconds to minutes), never before its own answer with the trace id has reached the
    // caller: a verdict pushed at once would race the caller's record of what the trace id is about.
    await new Promise((r) => setTimeout(r, MEDIA_VERDICT_DELAY_MS))
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = rid()
    const q = new URLSearchParams({ signature: pushSignature(this.opts.push.token, timestamp, nonce), timestamp, nonce })
    const event = {
      ToUserName: 'gh_standin',
      FromUserName: openid,
      CreateTime: Number(timestamp),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.opts.appid,
      trace_id: traceId,
      version: 2,
      errcode: 0,
      errmsg: 'ok',
      detail: [{ strategy: 'content_model', errcode: 0, ...check.result, prob: risky ? 90 : 0 }],
      result: check.result,
    }
    const res = await fetch(`${this.opts.push.url}?${q}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    }).catch(() => undefined)
    check.status = res?.status
  }
}

const fail = (errcode: number) => ({ errcode, errmsg: errmsg(errcode) })

/** WeChat's signature of a push to the message server: sha1 of the token, timestamp and nonce, sorted and joined. */
export const pushSignature = (token: string, timestamp: string, nonce: string) =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')

const apiOf: Record<string, WechatApi> = {
  'GET /sns/jscode2session': 'jscode2session',
  'POST /cgi-bin/stable_token': 'stable_token',
  'POST /cgi-bin/message/subscribe/send': 'subscribe_send',
  'POST /wxa/msg_sec_check': 'msg_sec_check',
  'POST /wxa/media_check_async': 'media_check_async',
}

/** WeChat's value rules per keyword kind (the kind is the keyword name without its number): else errcode 47003. */
const keywordRules: Record<string, (v: string) => boolean> = {
  thing: (v) => Array.from(v).length <= 20 && !/[\r\n]/.test(v) && !/\p{Extended_Pictographic}/u.test(v),
  phrase: (v) => /^[\p{Script=Han}·]{1,5}$/u.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  number: (v) => /^[0-9.]{1,32}$/.test(v),
  name: (v) => Array.from(v).length <= 10,
  time: (v) => /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(v),
}
function validKeyword(name: string, value: unknown): boolean {
  const v = (value as { value?: unknown } | null)?.value
  const rule = keywordRules[name.replace(/\d+$/, '')]
  return typeof v === 'string' && v.length > 0 && (!rule || rule(v))
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? JSON.parse(text) : undefined
}
