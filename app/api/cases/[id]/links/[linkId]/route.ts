import { casesRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

export const DELETE = async (request: Request, { params }: { params: Promise<{ id: string; linkId: string }> }) => {
  const { id, linkId } = await params;
  return casesRoutes.revokeLink(request, id, linkId);
};
