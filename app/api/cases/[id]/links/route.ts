import { casesRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

export const POST = async (request: Request, { params }: { params: Promise<{ id: string }> }) => casesRoutes.createLink(request, (await params).id);

export const GET = async (request: Request, { params }: { params: Promise<{ id: string }> }) => casesRoutes.listLinks(request, (await params).id);
