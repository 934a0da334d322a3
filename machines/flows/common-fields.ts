import { fixKey as fix, type FieldSpec } from '../kit';

/** Shared field specs so every flow asks for host and port the same way. */
export const HOST_FIELD: FieldSpec = {
  name: 'host',
  kind: 'host',
  required: true,
  placeholder: 'api.example.com',
  label: { zh: '服务器地址（主机名或 IP）', en: 'Server (host name or IP)' },
};

/** The port field, 443 unless staff change it. */
export const PORT_FIELD: FieldSpec = {
  name: 'port',
  kind: 'port',
  required: true,
  initial: '443',
  label: { zh: '端口', en: 'Port' },
};

/** The port where it is optional (probes then use 443); no value is filled in for staff. */
export const OPTIONAL_PORT_FIELD: FieldSpec = {
  name: 'port',
  kind: 'port',
  placeholder: '443',
  label: PORT_FIELD.label,
};

/** "Live updates fail" leads to the WebSocket article in every flow that asks what the client shows. */
export const WEBSOCKET_OPTION = {
  id: 'websocket',
  label: { zh: '页面能打开，但实时更新（WebSocket）连不上或不断断开', en: 'Pages load, but live updates (WebSocket) fail to connect or keep dropping' },
  to: fix('websocket-upgrade-blocked', 'browser-websocket-check'),
};
