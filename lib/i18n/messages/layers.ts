import { defineMessages } from '../define-messages';

/** Names of the layers an article belongs to. */
export const layerMessages = /* @__PURE__ */ defineMessages({
  zh: {
    physical: '物理层',
    datalink: '数据链路层',
    network: '网络层',
    transport: '传输层',
    application: '应用层',
    process: '流程与方法',
  },
  en: {
    physical: 'Physical',
    datalink: 'Data link',
    network: 'Network',
    transport: 'Transport',
    application: 'Application',
    process: 'Process and method',
  },
});
