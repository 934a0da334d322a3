import { casesRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export const GET = async (request: Request, { params }: Context) => casesRoutes.read(request, (await params).id);
export const PATCH = async (request: Request, { params }: Context) => casesRoutes.patch(request, (await params).id);
