import { customerRoutes } from '@/lib/cases/server';

export const dynamic = 'force-dynamic';

export const POST = async (request: Request, { params }: { params: Promise<{ token: string }> }) => customerRoutes.feedback(request, (await params).token);
