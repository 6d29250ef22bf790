// The local cloud answers its first calls slowly (each Lambda's cold start); give tests room.
jest.setTimeout(30_000)
