import { customerRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

export const GET = async (request: Request, { params }: { params: Promise<{ token: string }> }) => customerRoutes.time(request, (await params).token);
