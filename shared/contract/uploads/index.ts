import { createUpload } from './uploads'

export const uploadRoutes = { uploadsCreate: createUpload } as const
