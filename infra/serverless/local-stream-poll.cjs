/**
 * Local only: serverless-offline-dynamodb-streams reads its poll interval (default 500 ms, paid twice per record,
 * so ~1 s from write to notifier) from each stream event, where osls's schema refuses the key. This plugin sets it
 * after validation, just before `serverless offline` starts; packaging and deploys never see it.
 */
const POLL_MS = 50

class LocalStreamPoll {
  constructor(serverless) {
    this.hooks = {
      'before:offline:start:init': () => {
        for (const fn of Object.values(serverless.service.functions ?? {})) {
          for (const event of fn.events ?? []) if (event.stream && typeof event.stream === 'object') event.stream.readInterval = POLL_MS
        }
      },
    }
  }
}

module.exports = LocalStreamPoll
