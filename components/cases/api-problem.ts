/** What to tell the person after a failed call of the case API: the field and what is wrong with it, or the status. */
export async function apiProblem(response: Response, t: { invalidField: string; failed: string; unavailable: string }, labels: Record<string, string>): Promise<{ text: string; field?: string }> {
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string; field?: string } };
  if (response.status === 503) return { text: t.unavailable };
  const field = body.error?.field;
  if (response.status === 400 && field) {
    // The API's message starts with the field's name; say the label instead.
    const message = (body.error?.message ?? '').replace(new RegExp(`^${field.replace('.', '\\.')}\\s*`), '');
    return { text: t.invalidField.replace('{field}', labels[field] ?? field).replace('{message}', message), field };
  }
  return { text: t.failed.replace('{status}', String(response.status)) };
}
