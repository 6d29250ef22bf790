/**
 * Taro plugin: the weapp build's project.config.json names the mini-program of TARO_APP_APPID (WeChat DevTools and
 * miniprogram-ci upload to it); without it, the checked-in `touristappid` (DevTools' test account) stays.
 */
const fs = require('node:fs')
const path = require('node:path')

module.exports = (ctx) => {
  ctx.onBuildFinish(() => {
    const appid = process.env.TARO_APP_APPID
    if (process.env.TARO_ENV !== 'weapp' || !appid) return
    const file = path.join(ctx.paths.outputPath, 'project.config.json')
    const config = JSON.parse(fs.readFileSync(file, 'utf8'))
    fs.writeFileSync(file, JSON.stringify({ ...config, appid }, null, 2))
  })
}
