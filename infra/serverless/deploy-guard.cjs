/**
 * `serverless deploy` of the `local` stage is refused: that stage runs the WeChat stand-in, the movable clock and a
 * local key for personal information (the functions refuse them in AWS too: functions/src/config.ts). Deploy with
 * `--stage prod` or a stage of your own; `serverless deploy` without `--stage` would be `local`.
 */
class DeployGuard {
  constructor(serverless, options) {
    this.hooks = {
      initialize: () => {
        const command = serverless.processedInput?.commands?.[0]
        const stage = options.stage ?? serverless.service.provider.stage
        if (command === 'deploy' && stage === 'local')
          throw new serverless.classes.Error(
            'the local stage is not deployed (it runs the WeChat stand-in and a movable clock): deploy with --stage prod or a stage of your own',
          )
      },
    }
  }
}

module.exports = DeployGuard
