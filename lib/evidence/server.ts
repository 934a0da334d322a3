import 'server-only';
import { authorize } from '@/lib/auth/server';
import { createEvidenceApi } from './api';

/** The staff endpoint over the process's auth: `POST /api/evidence/parse`. */
export const evidenceRoutes = createEvidenceApi({ authorize });

export { createEvidenceApi } from './api';
export { runParseOutputCli } from './cli';
