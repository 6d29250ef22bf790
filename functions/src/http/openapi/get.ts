import { openApiDocument, openApiRoute as route, routes } from '@linli/shared'
import { endpoint } from '../stack'

/** The document is the contract's: built once per container. */
let document: ReturnType<typeof openApiDocument> | undefined

export const handler = endpoint(route, async () => (document ??= openApiDocument(routes)))
