import { evidenceRoutes } from '@/lib/evidence/server';

export const dynamic = 'force-dynamic';

export const POST = (request: Request) => evidenceRoutes.parse(request);
