/** A DynamoDB LastEvaluatedKey as an opaque string for the next page (internal paging; the API signs its cursors). */
export const encodeKey = (key: Record<string, unknown> | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined)
export const decodeKey = (s: string | undefined): Record<string, unknown> | undefined =>
  s ? JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) : undefined
