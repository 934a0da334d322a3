import { casesRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

export const POST = async (request: Request, { params }: { params: Promise<{ id: string; runId: string }> }) => {
  const { id, runId } = await params;
  return casesRoutes.endRun(request, id, runId);
};
