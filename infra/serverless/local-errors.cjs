/**
 * Local only: an HTTP function that fails (its bundle cannot load, its handler throws) answers 500
 * {"message":"Internal Server Error"}, as API Gateway's HTTP API does. serverless-offline wraps the error of a
 * payload 2.0 function into a 200 whose body is the error, so a page read an ImportModuleError as its data. Stream
 * and scheduled functions keep failing as they did (a failed batch must stay failed). Packaging and deploys never
 * see it.
 */
const WRAPPED = Symbol('linli.httpErrors')

const internalError = {
  statusCode: 500,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message: 'Internal Server Error' }),
}

/** A pooled function: one invocation at a time, so the event set before a run is the run's. */
function answerHttpErrors(fn) {
  if (fn[WRAPPED]) return fn
  const setEvent = fn.setEvent.bind(fn)
  const runHandler = fn.runHandler.bind(fn)
  let http = false
  fn.setEvent = (event) => {
    http = Boolean(event?.requestContext?.http)
    return setEvent(event)
  }
  fn.runHandler = async () => {
    try {
      return await runHandler()
    } catch (err) {
      if (!http) throw err
      console.error(`function failed, answered 500: ${err?.stack ?? err}`)
      return internalError
    }
  }
  fn[WRAPPED] = true
  return fn
}

class LocalErrors {
  constructor() {
    this.hooks = {
      'before:offline:start:init': async () => {
        const { default: Lambda } = await import('serverless-offline/lambda')
        const get = Lambda.prototype.get
        Lambda.prototype.get = function (functionKey) {
          return answerHttpErrors(get.call(this, functionKey))
        }
      },
    }
  }
}

module.exports = LocalErrors
