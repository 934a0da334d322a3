import { insightsRoutes } from '@/lib/insights/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A batch of insight events from a signed-in caller's browser (lib/insights recorder). */
export const POST = (request: Request): Promise<Response> => insightsRoutes.events(request);
