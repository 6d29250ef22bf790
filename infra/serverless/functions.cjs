/**
 * The HTTP functions of serverless.yml, generated from the contract's routes (shared/families.ts): one function per route, named as
 * in the routes map; its handler is `functions/src/http/<resource>/<action>.ts` by convention (`casesFireEvent` →
 * cases/fire-event), its role `<Name>Role` (./roles.cjs). A new route needs its contract entry and its handler file.
 */
require('tsx/cjs/api').register()
const { routes } = require('../../shared/families')
const { gatewayPaths } = require('../../shared/contract/route')
const { layersOf } = require('./layers.cjs')

const kebab = (s) => s.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())
const handlerOf = (name) => {
  const [, resource, action] = /^([a-z][a-z0-9]*)([A-Z]\w*)$/.exec(name) ?? []
  if (!resource) throw new Error(`route ${name}: its name must be <resource><Action>`)
  return `functions/src/http/${resource}/${kebab(action)}.handler`
}
const roleName = (fn) => fn[0].toUpperCase() + fn.slice(1) + 'Role'

const httpFunctions = () =>
  Object.fromEntries(
    Object.entries(routes).map(([name, r]) => [
      name,
      {
        handler: handlerOf(name),
        role: roleName(name),
        ...(layersOf(name).length ? { layers: layersOf(name) } : {}),
        events: gatewayPaths(r).map((path) => ({ httpApi: { method: r.method, path } })),
      },
    ]),
  )

/** WeChat's pushes to the mini-program's message server (消息推送): the URL to enter in the admin console. */
const wechatFunctions = {
  wechatPush: {
    handler: 'functions/src/wechat/push.handler',
    role: roleName('wechatPush'),
    events: ['GET', 'POST'].map((method) => ({ httpApi: { method, path: '/wechat/push' } })),
  },
}

/** The local stage adds its movable clock (GET / POST /local/clock); no other stage has the function. */
const localFunctions = {
  localClock: { handler: 'functions/src/dev/clock.handler', events: ['GET', 'POST'].map((method) => ({ httpApi: { method, path: '/local/clock' } })) },
}

module.exports = async ({ resolveVariable }) => ({
  ...httpFunctions(),
  ...wechatFunctions,
  ...((await resolveVariable('sls:stage')) === 'local' ? localFunctions : {}),
})
module.exports.httpFunctions = httpFunctions
/** The functions by the name their handler logs its calls under: `GET /open311/v2/services.{format}` (the contract's path). */
module.exports.routeFunctions = () => Object.fromEntries(Object.entries(routes).map(([name, r]) => [`${r.method} ${r.path}`, name]))
module.exports.roleName = roleName
