import { ForbiddenMessage } from '@/components/admin/forbidden-message';

/** 403 for admin pages: the caller is signed in but not an admin (see forbidden() in the pages). */
export default function AdminForbidden() {
  return <ForbiddenMessage />;
}
