import { bookingCalendar as route } from '@linli/shared'
import { endpoint } from '../stack'
import { mediationDeps } from '../../services/mediation/family'
import { bookingCalendarFile } from '../../services/mediation/calendar'

export const handler = endpoint(route, ({ caller, params }, deps) => bookingCalendarFile(mediationDeps(deps), caller, params.id))
