/** `npm run openapi`: prints the OpenAPI document generated from the contract (shared/families.ts). */
import { openApiDocument, routes } from '@linli/shared'

console.log(JSON.stringify(openApiDocument(routes), null, 2))
