import { ForbiddenMessage } from '@/components/admin/forbidden-message';

/** 403 inside a language: a signed-in person whose role is too low for the page (forbidden() in admin pages). */
export default function AdminForbidden() {
  return <ForbiddenMessage />;
}
