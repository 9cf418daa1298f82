// A stand-in for api.weixin.qq.com on 127.0.0.1, for the API process of the weapp run
// (WECHAT_API_BASE): code2session accepts the codes the wx.login double handed out, once each,
// as WeChat does; subscribe messages are recorded. Only WeChat's side is a double: the API is real.
import http from 'node:http'

/** 1×1 PNG. */
const SQUARE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

export const startWechatServer = async () => {
  const codes = new Map() // code → openid
  const used = new Set()
  const messages = []
  const wxacodes = []
  let seq = 0
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1')
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const send = (data) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data))
      if (url.pathname === '/sns/jscode2session') {
        const code = url.searchParams.get('js_code') ?? ''
        if (used.has(code)) return send({ errcode: 40163, errmsg: 'code been used' })
        if (!codes.has(code)) return send({ errcode: 40029, errmsg: 'invalid code' })
        used.add(code)
        return send({ openid: codes.get(code), session_key: `session-${code}` })
      }
      if (url.pathname === '/cgi-bin/stable_token') return send({ access_token: 'weapp-run-token', expires_in: 7200 })
      // A 小程序码 (getUnlimitedQRCode): a tiny square PNG stands in for WeChat's picture.
      if (url.pathname === '/wxa/getwxacodeunlimit') {
        wxacodes.push(JSON.parse(body || '{}'))
        return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from(SQUARE_PNG, 'base64'))
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        messages.push(JSON.parse(body || '{}'))
        return send({ errcode: 0, errmsg: 'ok' })
      }
      res.writeHead(404).end()
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    messages,
    /** getUnlimitedQRCode calls (scene, page). */
    wxacodes,
    /** A fresh wx.login code for the user with this openid. */
    issueCode(openid) {
      const code = `weapp-run-code-${++seq}`
      codes.set(code, openid)
      return code
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
