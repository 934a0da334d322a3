import { insightsRoutes } from '@/lib/insights/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `GET /api/insights/<report>.csv?from=&to=`: one report's table as CSV, for editors and admins. */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }): Promise<Response> {
  return insightsRoutes.csv(request, (await params).report);
}
