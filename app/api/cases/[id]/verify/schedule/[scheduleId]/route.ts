import { casesRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

export const DELETE = async (request: Request, { params }: { params: Promise<{ id: string; scheduleId: string }> }) => {
  const { id, scheduleId } = await params;
  return casesRoutes.cancelScheduledVerify(request, id, scheduleId);
};
