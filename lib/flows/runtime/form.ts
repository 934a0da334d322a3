import { parsePort } from '@/lib/address';
import type { AddressKind, AddressKinds, FieldSpec, FieldValue, FlowValues, Text } from '@/machines';
import { readClientAddress, validateServerAddress } from './address';

/** A field that failed validation, with a message naming what was wrong. */
export interface FieldError {
  field: string;
  message: Text;
}

/** A form read for submitting: normalised values and address readings, or what is wrong. */
export type FormReading = { ok: true; values: FlowValues; addresses: AddressKinds } | { ok: false; errors: FieldError[] };

/** The text of a value, or '' when it is empty or a table. */
export function textOf(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

const REQUIRED: Text = { zh: '必填。', en: 'Required.' };
const MESSAGES = {
  port: { zh: '端口必须是 1 到 65535 之间的整数。', en: 'The port must be a whole number from 1 to 65535.' },
  url: {
    zh: '请填写以 http:// 或 https:// 开头的完整网址。',
    en: 'Enter a full address starting with http:// or https://.',
  },
  date: { zh: '请按 YYYY-MM-DD 填写日期。', en: 'Enter the date as YYYY-MM-DD.' },
  choice: { zh: '请选择一项。', en: 'Pick one option.' },
} satisfies Partial<Record<FieldSpec['kind'], Text>>;
const NOT_TEXT: Text = { zh: '应为一段文字。', en: 'Expected plain text.' };
const TOO_LONG: Text = { zh: '太长了（最多 4000 个字符）。', en: 'Too long (at most 4000 characters).' };

function withLabel(field: FieldSpec, name: string, message: Text): FieldError {
  return { field: name, message: { zh: `${field.label.zh}：${message.zh}`, en: `${field.label.en}: ${message.en}` } };
}

/**
 * The form's values with one host field read: the canonical host in it and, when staff
 * pasted `host:port` or a URL, the port (and the URL, if that field is still empty) filled
 * in. Unchanged when the host cannot be read; `readForm` then says why.
 */
export function fillFromHost(fields: readonly FieldSpec[], values: FlowValues, name: string): FlowValues {
  const check = validateServerAddress(textOf(values[name]));
  if (!check.ok) return values;
  const filled: FlowValues = { ...values, [name]: check.host };
  const port = fields.find((field) => field.kind === 'port');
  if (port && check.port) filled[port.name] = String(check.port);
  const url = fields.find((field) => field.kind === 'url');
  if (url && check.url && textOf(values[url.name]) === '') filled[url.name] = check.url;
  return filled;
}

/** The normalised text of one field (and what an address field holds), or what is wrong with it. */
function checkText(field: FieldSpec, text: string): { text: string; address?: AddressKind } | { problem: Text } {
  switch (field.kind) {
    case 'host': {
      const check = validateServerAddress(text);
      return check.ok ? { text: check.host, address: check.kind } : { problem: check.message };
    }
    case 'address': {
      // Kept as typed: a malformed client address is what the flow diagnoses, not a form error.
      const address = readClientAddress(text);
      return text.length <= 4000 ? { text, address: address.ok ? address.kind : 'malformed' } : { problem: TOO_LONG };
    }
    case 'port': {
      const port = parsePort(text);
      return port === null ? { problem: MESSAGES.port } : { text: String(port) };
    }
    case 'url': {
      const check = validateServerAddress(text);
      return check.ok && check.url ? { text } : { problem: MESSAGES.url };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) ? { text } : { problem: MESSAGES.date };
    case 'choice':
      return (field.choices ?? []).some((choice) => choice.id === text) ? { text } : { problem: MESSAGES.choice };
    default:
      return text.length <= 4000 ? { text } : { problem: TOO_LONG };
  }
}

function readRows(field: FieldSpec, value: FieldValue | undefined, required: boolean, errors: FieldError[]): FieldValue {
  const rows = Array.isArray(value) ? value : [];
  if (required && rows.length === 0) errors.push(withLabel(field, field.name, REQUIRED));
  return rows.map((row, index) =>
    Object.fromEntries(
      (field.columns ?? []).map((column) => {
        const text = (row[column.name] ?? '').trim();
        const name = `${field.name}.${index}.${column.name}`;
        if (text === '') {
          if (required && column.required) errors.push(withLabel(column, name, REQUIRED));
          return [column.name, ''];
        }
        const checked = checkText(column, text);
        if ('problem' in checked) errors.push(withLabel(column, name, checked.problem));
        return [column.name, 'text' in checked ? checked.text : text];
      }),
    ),
  );
}

/**
 * Reads a form for submitting, as the runtime does before it sends the values to the
 * machine: checks every field with a message naming it, normalises hosts and ports, and
 * reads address fields. `partial` (attaching evidence before the form is finished)
 * lets required fields stay empty.
 */
export function readForm(fields: readonly FieldSpec[], input: FlowValues, options: { partial?: boolean } = {}): FormReading {
  let values = input;
  for (const field of fields) if (field.kind === 'host') values = fillFromHost(fields, values, field.name);
  const read: FlowValues = {};
  const addresses: AddressKinds = {};
  const errors: FieldError[] = [];
  for (const field of fields) {
    const required = Boolean(field.required) && !options.partial;
    const value = values[field.name];
    if (field.kind === 'rows') {
      read[field.name] = readRows(field, value, required, errors);
      continue;
    }
    if (value !== undefined && typeof value !== 'string') {
      errors.push(withLabel(field, field.name, NOT_TEXT));
      continue;
    }
    const text = textOf(value);
    read[field.name] = field.kind === 'address' ? (value ?? '') : text;
    if (text === '') {
      if (required) errors.push(withLabel(field, field.name, REQUIRED));
      continue;
    }
    const checked = checkText(field, text);
    if ('problem' in checked) {
      errors.push(withLabel(field, field.name, checked.problem));
      continue;
    }
    if (field.kind !== 'address') read[field.name] = checked.text;
    if (checked.address) addresses[field.name] = checked.address;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values: read, addresses };
}
