import { DomainError, submitCase as route } from '@linli/shared'
import { endpoint } from '../stack'
import { submit } from '../../services/cases/submit'

export const handler = endpoint(route, ({ caller, body, headers }, deps) => {
  const key = headers['idempotency-key']
  if (key !== undefined && !/^[A-Za-z0-9_-]{8,64}$/.test(key)) {
    throw new DomainError('request.invalid', [{ path: 'Idempotency-Key', message: '幂等键须为 8–64 位字母、数字、- 或 _' }])
  }
  return submit(deps, caller, body, key)
})
