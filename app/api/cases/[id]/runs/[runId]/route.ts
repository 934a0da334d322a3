import { casesRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

export const GET = async (request: Request, { params }: { params: Promise<{ id: string; runId: string }> }) => {
  const { id, runId } = await params;
  return casesRoutes.readRun(request, id, runId);
};
