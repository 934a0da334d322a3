import { NotFoundMessage } from '@/components/not-found-message';

/** 404 inside a language: the message follows the URL's language. */
export default function NotFound() {
  return <NotFoundMessage />;
}
