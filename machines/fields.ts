import type { FieldSpec } from './meta';
import type { FieldValue, FlowValues, Text } from './types';

/** A field that failed validation, with a message naming what was wrong. */
export interface FieldError {
  field: string;
  message: Text;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for a host name, an IPv4 address or an IPv6 address (brackets optional); no scheme, port or path. */
export function isValidHost(value: string): boolean {
  const host = value.trim();
  if (IPV4.test(host)) return true;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (bare.includes(':')) {
    if (!/^[0-9a-f:.]+$/i.test(bare)) return false;
    try {
      return new URL(`http://[${bare}]/`).hostname.length > 2;
    } catch {
      return false;
    }
  }
  const name = host.replace(/\.$/, '');
  if (name.length === 0 || name.length > 253 || /^[\d.]+$/.test(name)) return false;
  return name.split('.').every((label) => LABEL.test(label));
}

/** The port as a number when `value` is a whole number from 1 to 65535, else null. */
export function parsePort(value: string): number | null {
  if (!/^\d{1,5}$/.test(value.trim())) return null;
  const port = Number(value.trim());
  return port >= 1 && port <= 65535 ? port : null;
}

/** True for an absolute http:// or https:// URL with a valid host. */
export function isValidHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && isValidHost(url.hostname);
  } catch {
    return false;
  }
}

/** The text of a value, or '' when it is empty or a table. */
export function textOf(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

const REQUIRED: Text = { zh: '必填。', en: 'Required.' };
const MESSAGES: Partial<Record<FieldSpec['kind'], Text>> = {
  host: {
    zh: '请填写服务器名或 IP 地址，不带 http://、端口或路径（例如 api.example.com）。',
    en: 'Enter a server name or IP address without http://, port or path (e.g. api.example.com).',
  },
  port: { zh: '端口必须是 1 到 65535 之间的整数。', en: 'The port must be a whole number from 1 to 65535.' },
  url: {
    zh: '请填写以 http:// 或 https:// 开头的完整网址。',
    en: 'Enter a full address starting with http:// or https://.',
  },
  date: { zh: '请按 YYYY-MM-DD 填写日期。', en: 'Enter the date as YYYY-MM-DD.' },
  choice: { zh: '请选择一项。', en: 'Pick one option.' },
};
const NOT_TEXT: Text = { zh: '应为一段文字。', en: 'Expected plain text.' };
const TOO_LONG: Text = { zh: '太长了（最多 4000 个字符）。', en: 'Too long (at most 4000 characters).' };

function withLabel(field: FieldSpec, message: Text): FieldError {
  return {
    field: field.name,
    message: { zh: `${field.label.zh}：${message.zh}`, en: `${field.label.en}: ${message.en}` },
  };
}

function fieldIsValid(field: FieldSpec, text: string): boolean {
  switch (field.kind) {
    case 'host':
      return isValidHost(text);
    case 'port':
      return parsePort(text) !== null;
    case 'url':
      return isValidHttpUrl(text);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
    case 'choice':
      return (field.choices ?? []).some((choice) => choice.id === text);
    default:
      return text.length <= 4000;
  }
}

function validateRows(field: FieldSpec, value: FieldValue | undefined): FieldError[] {
  const rows = Array.isArray(value) ? value : [];
  if (field.required && rows.length === 0) return [withLabel(field, REQUIRED)];
  const errors: FieldError[] = [];
  rows.forEach((row, index) => {
    for (const column of field.columns ?? []) {
      const nested = { ...column, name: `${field.name}.${index}.${column.name}` };
      errors.push(...validateFields([nested], { [nested.name]: row[column.name] ?? '' }));
    }
  });
  return errors;
}

/** Checks submitted values against a form's fields; an empty list means the form may be submitted. */
export function validateFields(fields: readonly FieldSpec[], values: FlowValues): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'rows') {
      errors.push(...validateRows(field, value));
      continue;
    }
    if (value !== undefined && typeof value !== 'string') {
      errors.push(withLabel(field, NOT_TEXT));
      continue;
    }
    const text = textOf(value);
    if (text === '') {
      if (field.required) errors.push(withLabel(field, REQUIRED));
      continue;
    }
    if (!fieldIsValid(field, text)) errors.push(withLabel(field, MESSAGES[field.kind] ?? TOO_LONG));
  }
  return errors;
}
