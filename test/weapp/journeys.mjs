// The journeys of `npm run test:weapp`, on the weapp build over the real API. Each phone is a driver
// (driver.mjs) with its own storage and WeChat user; assertions read the text the templates render.
import assert from 'node:assert/strict'
import sharp from 'sharp'
import { request } from '../load/api-process.mjs'
import { SUPERVISOR } from './environment.mjs'

const ZONES = ['庆云县', '平原经济开发区', '邹平经济技术开发区', '高青县', '运河经济开发区']
const PARK = { id: 'pingyuan-jingde', name: '京德智造产业园' }

/** A site photo as chooseMedia hands one over after compression (about 1280 px): made here, no binary fixture. */
export const samplePhoto = async () => {
  const bytes = await sharp({ create: { width: 1280, height: 960, channels: 3, background: '#28a05a' } })
    .composite([{ input: { create: { width: 1280, height: 480, channels: 3, background: '#0b57d0' } }, top: 0, left: 0 }])
    .jpeg({ quality: 80 })
    .toBuffer()
  return { path: 'site-photo.jpg', bytes }
}

/** The pages a journey opens with their query: every page of app.json is visited at least once. */
export const journeys = [
  {
    name: '首页 shows the zones',
    async run({ phone }) {
      const investor = phone('investor')
      await investor.launch({ path: 'pages/index/index' })
      await investor.waitFor('平原经济开发区')
      const text = investor.text()
      for (const zone of ZONES) assert.ok(text.includes(zone), `home shows ${zone}`)
      assert.ok(text.includes(PARK.name), 'home lists 京德智造产业园 among the featured parks')
    },
  },
  {
    name: 'a shared park card opened cold shows the park and records the visit',
    async run({ phone, env }) {
      const visitor = phone('visitor')
      await visitor.launch({ path: 'pages/park/index', query: { id: PARK.id, ref: env.staff.shareCode }, scene: 1007 })
      await visitor.waitFor(PARK.name)
      const title = visitor.wxState.titles.find((entry) => entry.page === 'pages/park/index')?.title
      assert.equal(title, PARK.name, 'the navigation bar shows the park')
      const card = visitor.share()
      assert.match(card?.path ?? '', /^\/?pages\/park\/index\?id=pingyuan-jingde/, 'the page shares itself')

      const token = await env.staffToken()
      const dashboard = await request(`${env.api.url}/api/staff/dashboard`, { headers: { authorization: `Bearer ${token}` } })
      assert.equal(dashboard.status, 200, dashboard.body)
      const byStaff = dashboard.json.referrals?.byStaff ?? []
      assert.ok(
        byStaff.some((row) => row.displayName === env.staff.name && row.visits >= 1),
        `the dashboard credits ${env.staff.name} with the visit: ${JSON.stringify(dashboard.json.referrals)}`,
      )
      assert.ok((dashboard.json.referrals?.byPage ?? []).some((row) => row.page === 'pages/park/index' && row.targetId === PARK.id))
    },
  },
  {
    name: '找店小二: consent, the form with a photo, the ticket number',
    async run({ phone, shared }) {
      const investor = phone('investor')
      await investor.launch({ path: 'pages/park/index', query: { id: PARK.id } })
      await investor.waitFor(PARK.name)
      await investor.tap('找店小二')
      await investor.waitFor('个人信息保护提示')
      assert.equal(investor.page.route, 'pages/service/index')
      // WeChat has no consent on record yet: the agree button carries open-type agreePrivacyAuthorization.
      assert.equal(investor.wxState.privacyAgreed, false)
      await investor.tap('同意并继续')
      assert.equal(investor.wxState.privacyAgreed, true, 'the consent reached WeChat through the privacy API')
      await investor.waitFor((view) => !investor.text(view).includes('个人信息保护提示'))

      await investor.tap('选址与厂房')
      await investor.type('例如：山东某某新材料有限公司', '山东测试新材料有限公司')
      await investor.type('您的姓名', '王先生')
      await investor.type('11 位手机号', '13800001111')
      await investor.type(/^例如：计划投资/, '计划租用 5000 平方米标准厂房，想了解交付时间、租金和环评要求。')
      investor.wxState.media.push(await samplePhoto())
      await investor.tap('添加图片')
      await investor.waitFor((view) => investor.nodes(view).some((node) => node.tag === 'wx-image'))
      await investor.tap('提交需求')
      await investor.waitFor('工单号')
      const ticket = investor.text(investor.find('工单号').parent).match(/[A-Z]{2}-\d{8}-\d{4}/)?.[0]
      assert.ok(ticket, `a ticket number is shown:\n${investor.text()}`)
      assert.ok(investor.text().includes('24小时内响应'), 'the 24-hour promise is shown')
      assert.ok(
        investor.wxState.requests.some((r) => r.kind === 'uploadFile' && r.status === 201),
        'the photo was uploaded with wx.uploadFile',
      )
      shared.ticket = ticket
      shared.company = '山东测试新材料有限公司'
    },
  },
  {
    name: 'staff subpackage: sign in, the inbox shows the request',
    async run({ phone, env, shared }) {
      assert.ok(shared.ticket, 'the 找店小二 journey ran first')
      const agent = phone('agent')
      await agent.launch({ path: 'staff/login/index' })
      await agent.waitFor('工作人员登录')
      await agent.type('请输入用户名', env.staff.username)
      await agent.type('请输入密码', env.staff.password)
      await agent.tap('登录')
      await agent.waitFor(shared.ticket)
      assert.equal(agent.page.route, 'staff/inbox/index')
      assert.ok(agent.text().includes(shared.company))
      await agent.tap(shared.company)
      await agent.waitFor('计划租用 5000 平方米标准厂房')
      assert.equal(agent.page.route, 'staff/request/index')
    },
  },
  {
    name: 'zone, 载体 and chain pages; the zone console (内容管理) for a signed-in 店小二',
    async run({ phone, shared }) {
      const investor = phone('investor')
      await investor.launch({ path: 'pages/zone/index', query: { id: 'pingyuan' } })
      await investor.waitFor(PARK.name)
      assert.ok(!investor.text().includes('待补充'), 'the zone page shows no 待补充')
      await investor.launch({ path: 'pages/spaces/index', query: { zoneId: 'pingyuan' } })
      await investor.waitFor('京德智造产业园一期“定制”标准厂房')
      await investor.tap('京德智造产业园一期“定制”标准厂房')
      assert.equal(investor.page.route, 'pages/space/index')
      await investor.waitFor('预约看厂')
      await investor.launch({ path: 'pages/chain/index', query: { id: 'gaoqing-chain-new-materials' } })
      await investor.waitFor('新材料产业链')

      // The 店小二 signed in by the staff journey: from the inbox to 内容管理 and its pages.
      assert.ok(shared.ticket, 'the staff journey ran first')
      const agent = phone('agent')
      await agent.launch({ path: 'staff/inbox/index' })
      await agent.waitFor('内容管理')
      await agent.tap('内容管理')
      assert.equal(agent.page.route, 'staff/content/index')
      await agent.waitFor('资料完整度')
      await agent.tap('开发区资料')
      assert.equal(agent.page.route, 'staff/content-edit/index')
      await agent.waitFor('保存草稿')
      await agent.launch({ path: 'staff/content-list/index', query: { kind: 'spaces', zoneId: 'pingyuan' } })
      await agent.waitFor('京德智造产业园一期“定制”标准厂房')
      await agent.launch({ path: 'staff/revisions/index', query: { kind: 'zones', id: 'pingyuan' } })
      await agent.waitFor('修改记录')
      await agent.launch({ path: 'staff/canned-replies/index' })
      await agent.waitFor('常用回复由主管维护。')
      await agent.launch({ path: 'staff/accounts/index' })
      await agent.waitFor('工作人员账号由管理员管理。')
      await agent.launch({ path: 'staff/zone-new/index' })
      await agent.waitFor('新建开发区和通知设置由管理员操作。')
    },
  },
  {
    name: 'pages opened without their id show the error state',
    async run({ phone }) {
      const visitor = phone('visitor')
      for (const path of ['pages/park/index', 'pages/policy/index']) {
        await visitor.launch({ path })
        await visitor.waitFor('链接不完整')
        assert.ok(
          visitor.wxState.requests.every((r) => r.page !== path),
          `${path} asks the API nothing without an id`,
        )
      }
    },
  },
  {
    name: 'every other page: tabs, policy, match, compare, my requests, privacy, staff dashboard and share code',
    async run({ phone, shared }) {
      const investor = phone('investor')
      await investor.launch({ path: 'pages/index/index' })
      await investor.waitFor('平原经济开发区')
      await investor.switchTab('pages/parks/index')
      await investor.waitFor(PARK.name)
      await investor.switchTab('pages/policies/index')
      await investor.waitFor('政策')
      const policy = investor.nodes().find((node) => node.attr?.class?.includes('pl-policy-card') && investor.mp.isTappable(node))
      assert.ok(policy, 'the policies tab lists policy cards')
      const policyTitle = investor.text(policy).split('\n')[0]
      await investor.tap(policy)
      assert.equal(investor.page.route, 'pages/policy/index')
      await investor.waitFor((view) => investor.text(view).includes('信息来源') || investor.text(view).includes('来源'))
      await investor.switchTab('pages/mine/index')
      await investor.tap('我的服务请求')
      await investor.waitFor(shared.ticket ?? '再提一个需求')
      assert.equal(investor.page.route, 'pages/requests/index')
      if (shared.ticket) {
        await investor.tap(shared.ticket)
        assert.equal(investor.page.route, 'pages/request/index')
        await investor.waitFor('计划租用 5000 平方米标准厂房')
      }
      await investor.switchTab('pages/mine/index')
      await investor.tap('政策匹配')
      assert.equal(investor.page.route, 'pages/match/index')
      await investor.switchTab('pages/mine/index')
      await investor.tap('隐私政策')
      assert.equal(investor.page.route, 'pages/privacy/index')
      await investor.waitFor('我们收集哪些信息')
      await investor.launch({ path: 'pages/compare/index', query: { ids: `${PARK.id},qingyun-jjj` } })
      await investor.waitFor(PARK.name)
      shared.policyTitle = policyTitle

      const agent = phone('agent')
      await agent.launch({ path: 'staff/dashboard/index' })
      await agent.waitFor('请求总数')
      assert.ok(agent.text().includes(shared.ticket ? '选址与厂房' : ''), 'the dashboard counts the request')
      // 我的分享码: the share button and the 小程序码 WeChat drew for this colleague's code.
      await agent.tap('我的分享码')
      assert.equal(agent.page.route, 'staff/share/index')
      await agent.waitFor('微信扫码打开园区通小程序首页')
      assert.ok(agent.text().includes('分享给微信好友'), 'the share button is offered in the mini-program')
    },
  },
  {
    name: '项目督考 and 问需于企: an invite opened cold, the timeline, a survey answered; the staff pages',
    async run({ phone, env }) {
      // The 主管 invites the investor and publishes a survey (through the API: the agent signs in on this phone).
      const token = await env.staffToken(SUPERVISOR)
      const auth = { authorization: `Bearer ${token}` }
      const invite = await request(`${env.api.url}/api/staff/projects/pingyuan-jingde-park/invites`, { method: 'POST', headers: auth, body: {} })
      assert.equal(invite.status, 201, invite.body)
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
      const created = await request(`${env.api.url}/api/staff/surveys`, {
        method: 'POST',
        headers: auth,
        body: {
          kind: 'needs',
          title: '平原企业用工需求调查',
          intro: '了解企业用工方面的急难愁盼问题。',
          questions: [
            { type: 'single', title: '最急需解决的问题', required: true, options: ['用工', '融资'] },
            { type: 'rating', title: '服务满意度', required: false },
          ],
          opensOn: today,
          closesOn: '2099-12-31',
        },
      })
      assert.equal(created.status, 201, created.body)
      const published = await request(`${env.api.url}/api/staff/surveys/${created.json.id}/publish`, { method: 'POST', headers: auth, body: {} })
      assert.equal(published.status, 200, published.body)

      // The investor opens the invite as a shared card would: the claim page, cold.
      const investor = phone('follower')
      await investor.launch({ path: invite.json.path.split('?')[0], query: { code: invite.json.code }, scene: 1007 })
      await investor.waitFor('当前阶段')
      assert.equal(investor.page.route, 'pages/project/index')
      assert.ok(investor.text().includes('京德智造产业园') && investor.text().includes('竣工'), 'the timeline shows the stages')

      // The survey from its link: answered after the consent.
      await investor.launch({ path: 'pages/survey/index', query: { id: created.json.id } })
      await investor.waitFor('平原企业用工需求调查')
      await investor.tap('用工')
      await investor.tap('同意并填写')
      await investor.type('例如：山东某某新材料有限公司', '平原测试机械有限公司')
      await investor.type('您的姓名', '赵经理')
      await investor.type('11 位手机号', '13800002222')
      await investor.tap('提交答复')
      await investor.waitFor('已提交，感谢您的反馈！截止前可以修改答复。')
      await investor.switchTab('pages/mine/index')
      await investor.tap('我的项目与问卷')
      assert.equal(investor.page.route, 'pages/following/index')
      await investor.waitFor('京德智造产业园')
      assert.ok(investor.text().includes('平原企业用工需求调查'), 'the answered survey is listed')

      // The staff side: board, project, weekly summary, surveys, results, editor.
      const agent = phone('agent')
      await agent.launch({ path: 'staff/inbox/index' })
      await agent.tap('项目督考')
      await agent.waitFor('竣工 · 进行中')
      assert.equal(agent.page.route, 'staff/projects/index')
      // The row of 京德智造产业园 (its park is also a filter chip above the list).
      await agent.tap('竣工 · 进行中')
      await agent.waitFor('阶段进度')
      assert.equal(agent.page.route, 'staff/project/index')
      await agent.launch({ path: 'staff/weekly/index' })
      await agent.waitFor('各阶段项目数')
      await agent.launch({ path: 'staff/surveys/index' })
      await agent.waitFor('平原企业用工需求调查')
      await agent.tap('平原企业用工需求调查')
      await agent.waitFor('平原测试机械有限公司')
      assert.equal(agent.page.route, 'staff/survey/index')
      await agent.launch({ path: 'staff/survey-edit/index' })
      await agent.waitFor('只有主管和管理员可以编写和发布问卷。')
    },
  },
]
