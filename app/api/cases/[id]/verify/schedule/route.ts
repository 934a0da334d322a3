import { casesRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

export const POST = async (request: Request, { params }: { params: Promise<{ id: string }> }) => casesRoutes.scheduleVerify(request, (await params).id);
