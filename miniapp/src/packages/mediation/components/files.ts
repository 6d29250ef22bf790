/**
 * Files of a booking: the agreement PDF opens in WeChat's document viewer (downloadFile + openDocument; H5: the
 * browser's), and the session goes into the phone's calendar (addPhoneCalendar; H5: the .ics file).
 */
import Taro from '@tarojs/taro'
import { agreementPdf, bookingCalendar, type BookingDetail } from '@linli/shared'
import { fileRequest } from '../../../api/request'
import { download, saveInBrowser } from '../../../api/files'

export const openAgreement = (b: BookingDetail) => {
  const { url, header } = fileRequest(agreementPdf, { id: b.id })
  return download(url, header, `调解协议书-${b.id}.pdf`, 'pdf')
}

export function addToCalendar(b: BookingDetail) {
  if (process.env.TARO_ENV === 'h5') {
    const { url, header } = fileRequest(bookingCalendar, { id: b.id })
    return saveInBrowser(url, header, '说事.ics')
  }
  return Taro.addPhoneCalendar({
    title: `说事 · ${b.roomName}`,
    startTime: Math.floor(Date.parse(b.start) / 1000),
    // WeChat takes seconds as a number here too; Taro's typing says string.
    endTime: Math.floor(Date.parse(b.end) / 1000) as unknown as string,
    location: b.roomAddress,
    description: `调解员：${b.mediatorName}`,
    alarm: true,
    alarmOffset: 3600,
  })
}
