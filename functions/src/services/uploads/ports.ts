/** The uploads family: presigned posts from the phone, and the checked copies the records keep. */
import type { DepsOf } from '../deps'

/** What the uploads use cases are given. */
export type UploadsDeps = DepsOf<never, 'clock' | 'idSalt' | 'newId' | 'storage'>
