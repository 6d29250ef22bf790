import { bookingCalendar as route } from '@linli/shared'
import { endpoint } from '../stack'
import { bookingCalendarFile } from '../../services/mediation/calendar'

export const handler = endpoint(route, ({ caller, params }, deps) => bookingCalendarFile(deps, caller, params.id))
