import { defineFlow, DNS_FAILURE_CODES, TCP_CODES, probe, form, handoffEnd, question, type Goto, type StepBuilder, type Text } from '../kit';
import { HOST_FIELD, OPTIONAL_PORT_FIELD } from './common-fields';

const AFTER_MITIGATION: Goto = [{ when: { field: 'host', test: 'filled' }, target: 'verifyProbe' }, { target: 'restored' }];
const SCOPE_REF = { slug: 'incident-response-30min', fixId: 'confirm-scope' };

function mitigation(title: Text, body: Text): StepBuilder {
  return question({
    title,
    body,
    options: [
      { id: 'done', label: { zh: '已经做了', en: 'Done' }, to: AFTER_MITIGATION },
      { id: 'cannot', label: { zh: '做不了 / 还不能做', en: 'Not possible yet' }, to: 'communicate' },
    ],
    ref: { slug: 'incident-response-30min', fixId: 'mitigate' },
  });
}

const SCOPE_OPTIONS = [
  { id: 'all', label: { zh: '所有客户', en: 'All customers' }, to: 'isolate' },
  { id: 'some', label: { zh: '部分客户、某个地区或某个功能', en: 'Some customers, one region or one feature' }, to: 'isolate' },
  { id: 'one', label: { zh: '只有一个客户', en: 'One customer only' }, to: 'singleCustomer' },
];

/** The first 30 minutes of an outage: confirm scope, isolate, mitigate, communicate, then 5 Whys. */
export const incidentResponseFlow = defineFlow({
  id: 'incident-response',
  version: 1,
  title: { zh: '故障响应：黄金 30 分钟', en: 'Incident response: the first 30 minutes' },
  description: {
    zh: '确认影响范围、隔离、止损、对外通报（自动生成中英文状态更新），然后转入 5 Why 分析。',
    en: 'Confirm scope, isolate, mitigate and communicate (a status update in both languages is filled in for you), then hand off to 5 Whys.',
  },
  initial: 'basics',
  steps: {
    basics: form({
      title: { zh: '记录故障的基本情况', en: 'Record the basics' },
      body: {
        zh: '前 30 分钟依次做四件事：确认范围、隔离、止损、通报。先写下客户看到的现象和开始时间，对外的状态更新会用这些内容自动填写。',
        en: 'The first 30 minutes are four jobs in order: confirm scope, isolate, mitigate, communicate. Write down what customers see and when it started; the customer status update is filled in from these answers.',
      },
      fields: [
        { name: 'service', kind: 'text', required: true, placeholder: 'Order API', label: { zh: '受影响的服务', en: 'Affected service' } },
        { name: 'started', kind: 'text', required: true, placeholder: '2026-11-22 14:05 UTC+8', label: { zh: '开始时间（含时区）', en: 'Started at (with time zone)' } },
        { name: 'symptom', kind: 'textarea', required: true, label: { zh: '客户看到的现象', en: 'What customers see' } },
        { ...HOST_FIELD, required: false, help: { zh: '可选：填写后 Fixpath 会从外部检测服务是否可达。', en: 'Optional: lets Fixpath test from outside whether the service answers.' } },
        OPTIONAL_PORT_FIELD,
      ],
      actions: [
        { id: 'start', label: { zh: '确认影响范围', en: 'Confirm the scope' }, to: [{ when: { field: 'host', test: 'filled' }, target: 'scopeProbe' }, { target: 'scope' }] },
      ],
      ref: SCOPE_REF,
    }),
    scopeProbe: probe({
      title: { zh: '从外部检测 {host}:{port}', en: 'Testing {host}:{port} from outside' },
      request: { type: 'tcp', host: 'host', port: 'port' },
      branches: [
        { id: 'up', match: { codes: ['TCP_OPEN'] }, target: 'scopeReachable', manual: { zh: '能连上', en: 'It connects' } },
        { id: 'down', match: { codes: [...TCP_CODES, ...DNS_FAILURE_CODES] }, target: 'scope', manual: { zh: '连不上', en: 'It does not connect' } },
      ],
    }),
    scopeReachable: question({
      title: { zh: '从外部能连上这个服务', en: 'The service answers from outside' },
      body: {
        zh: 'Fixpath 服务器能连上 {host}:{port}，所以不是全面中断，或者问题在连接之上（报错、变慢、登录失败）。受影响的是谁？',
        en: 'The Fixpath server reaches {host}:{port}, so either the outage is not total or it sits above the connection (errors, slowness, logins). Who is affected?',
      },
      options: SCOPE_OPTIONS,
      ref: SCOPE_REF,
    }),
    scope: question({
      title: { zh: '受影响的是谁？', en: 'Who is affected?' },
      body: {
        zh: '看监控、工单数量和不同地区的反馈。范围决定了通报对象和处理优先级。',
        en: 'Look at monitoring, ticket volume and reports from different regions. The scope decides who hears from you and how urgent it is.',
      },
      options: SCOPE_OPTIONS,
      ref: SCOPE_REF,
    }),
    isolate: question({
      title: { zh: '什么变了？哪里出了故障？', en: 'What changed, and what is failing?' },
      body: {
        zh: '查最近的发布和配置变更、证书和 DNS、监控曲线，以及云服务商和上游的状态页。',
        en: 'Check recent deployments and config changes, certificates and DNS, monitoring graphs, and the status pages of your providers.',
      },
      options: [
        { id: 'change', label: { zh: '最近的发布或配置变更', en: 'A recent deployment or config change' }, to: 'mitigateChange' },
        { id: 'capacity', label: { zh: '负载：CPU、内存、连接数、磁盘', en: 'Load: CPU, memory, connections, disk' }, to: 'mitigateCapacity' },
        { id: 'dependency', label: { zh: '依赖：数据库、DNS、证书、云服务、网络', en: 'A dependency: database, DNS, certificate, cloud, network' }, to: 'mitigateDependency' },
        { id: 'unknown', label: { zh: '还不知道', en: 'Not known yet' }, to: 'mitigateUnknown' },
      ],
      ref: { slug: 'incident-response-30min', fixId: 'isolate' },
    }),
    mitigateChange: mitigation(
      { zh: '先回滚这次变更', en: 'Roll the change back' },
      { zh: '先撤销最近的变更（回滚版本、关闭功能开关、恢复旧配置），再去找根因。', en: 'Undo the last change first (roll back, switch the feature flag off, restore the old config); look for the root cause afterwards.' },
    ),
    mitigateCapacity: mitigation(
      { zh: '减轻负载', en: 'Relieve the load' },
      { zh: '扩容，限流或暂停非关键流量，逐台重启卡住的进程。', en: 'Scale out, rate-limit or pause non-essential traffic, restart stuck workers one at a time.' },
    ),
    mitigateDependency: mitigation(
      { zh: '绕过出问题的依赖', en: 'Route around the dependency' },
      { zh: '切到备用节点，恢复原来的 DNS 或证书，或把受影响的功能切到维护模式。', en: 'Fail over to a standby, put the old DNS record or certificate back, or put the affected feature into maintenance mode.' },
    ),
    mitigateUnknown: mitigation(
      { zh: '控制影响', en: 'Contain the damage' },
      { zh: '先保留证据（日志、抓包），再切换或逐台重启出故障的组件。', en: 'Keep evidence first (logs, captures), then fail over or restart the failing component one node at a time.' },
    ),
    verifyProbe: probe({
      title: { zh: '从外部再测一次 {host}:{port}', en: 'Testing {host}:{port} from outside again' },
      request: { type: 'tcp', host: 'host', port: 'port' },
      branches: [
        { id: 'up', match: { codes: ['TCP_OPEN'] }, target: 'restored', manual: { zh: '能连上', en: 'It connects' } },
        { id: 'down', match: { codes: [...TCP_CODES, ...DNS_FAILURE_CODES] }, target: 'stillDown', manual: { zh: '连不上', en: 'It does not connect' } },
      ],
    }),
    restored: question({
      title: { zh: '客户那里恢复了吗？', en: 'Is service back for customers?' },
      options: [
        { id: 'yes', label: { zh: '恢复了', en: 'Yes' }, to: 'communicate' },
        { id: 'partly', label: { zh: '部分恢复', en: 'Partly' }, to: 'communicate' },
        { id: 'no', label: { zh: '没有', en: 'No' }, to: 'stillDown' },
      ],
    }),
    stillDown: question({
      title: { zh: '服务仍然不可用', en: 'Service is still down' },
      options: [
        { id: 'again', label: { zh: '换一种止损办法', en: 'Try another mitigation' }, to: 'isolate' },
        { id: 'post', label: { zh: '先发布状态更新', en: 'Post a status update first' }, to: 'communicate' },
      ],
    }),
    communicate: question({
      title: { zh: '发布状态更新', en: 'Post the status update' },
      body: {
        zh: '把下面的更新发到客户会看的地方（状态页、邮件、工单回复）。即使没有进展，也至少每 30 分钟更新一次。',
        en: 'Post the update below where customers look (status page, email, ticket replies). Update at least every 30 minutes, even when nothing has changed.',
      },
      template: 'incident-status',
      options: [{ id: 'posted', label: { zh: '已发布', en: 'Posted' }, to: 'toFiveWhys' }],
      ref: { slug: 'incident-response-30min', fixId: 'status-update' },
    }),
    toFiveWhys: handoffEnd('five-whys', {
      title: { zh: '服务稳定后，转入 5 Why 根因分析', en: 'Once stable, hand off to a 5 Whys analysis' },
      body: {
        zh: '止损不等于修好。用 5 Why 找到根本原因并落实对策，防止再次发生。',
        en: 'Mitigated is not fixed. Use 5 Whys to find the root cause and put countermeasures in place so it does not happen again.',
      },
      // The 5 Whys problem is the symptom, where and since when: exactly what the basics recorded.
      carry: { problem: { zh: '{service}：自 {started} 起，{symptom}', en: '{service}: since {started}, {symptom}' } },
      ref: { slug: 'five-whys-rca', fixId: 'state-the-problem' },
    }),
    singleCustomer: handoffEnd('five-layer', {
      title: { zh: '只影响一个客户：按连接问题排查', en: 'One customer only: troubleshoot the connection' },
      body: {
        zh: '只有一个客户受影响，通常不是服务故障，而是那位客户的网络或客户端。用五层排查流程处理。',
        en: "When only one customer is affected it is rarely an outage; it is that customer's network or client. Use the five-layer flow.",
      },
      ref: { slug: 'connection-triage', fixId: 'choose-a-flow' },
    }),
  },
});
