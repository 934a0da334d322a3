import { casesRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

export const GET = (request: Request) => casesRoutes.list(request);
export const POST = (request: Request) => casesRoutes.create(request);
