import { casesRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

export const GET = async (request: Request, { params }: { params: Promise<{ id: string }> }) => casesRoutes.export(request, (await params).id);
