import { defineFlow, form } from '../kit';
import { FIVE_LAYER_CUSTOMER_STEPS } from './five-layer-customer';
import { FIVE_LAYER_PROBE_STEPS } from './five-layer-probes';
import { HOST_FIELD, PORT_FIELD } from './common-fields';

/**
 * Five-layer diagnosis: staff type host and port once; Fixpath tests DNS, TCP, TLS and HTTP
 * from its server, and asks only what no probe can see from there.
 */
export const fiveLayerFlow = defineFlow({
  id: 'five-layer',
  version: 1,
  title: { zh: '五层排查：客户端连不上服务器', en: 'Five-layer check: the client cannot connect' },
  description: {
    zh: '输入一次服务器地址和端口，自动检测 DNS、TCP、TLS 和 HTTP，只问探测看不到的问题，最后给出修复方法。',
    en: 'Type the server and port once; Fixpath tests DNS, TCP, TLS and HTTP, asks only what probes cannot see, and ends at the fix.',
  },
  initial: 'target',
  steps: {
    target: form({
      title: { zh: '客户要连接哪台服务器？', en: 'Which server does the customer connect to?' },
      body: {
        zh: '照客户端设置里的写法输入一次服务器地址和端口，Fixpath 会自己检测 DNS、TCP、TLS（以及填写了网址时的 HTTP）。注意：探测是从 Fixpath 服务器发出的，不是从客户的电脑。这里通、客户那里不通，说明问题在客户一侧：他的网络、电脑或客户端。',
        en: "Type the server and port once, as the customer's client has them. Fixpath then tests DNS, TCP, TLS (and HTTP when you give a URL) by itself. Probes run from the Fixpath server, not from the customer's machine: if a check passes here but the customer still fails, the fault is on the customer's side: their network, their machine or the client.",
      },
      fields: [
        HOST_FIELD,
        PORT_FIELD,
        {
          name: 'url',
          kind: 'url',
          placeholder: 'https://api.example.com/health',
          label: { zh: '网址（客户端走 HTTP/HTTPS 时填写）', en: 'URL (only if the client speaks HTTP/HTTPS)' },
          help: {
            zh: '填了网址，Fixpath 会在 TLS 之后再检查 HTTP 状态码和服务器时钟。',
            en: 'With a URL, Fixpath also checks the HTTP status and the server clock after TLS.',
          },
        },
      ],
      actions: [
        {
          id: 'start',
          label: { zh: '开始检测', en: 'Start checking' },
          to: [{ when: { field: 'host', test: 'ipLiteral' }, target: 'tcpProbe' }, { target: 'dnsProbe' }],
        },
      ],
      ref: { slug: 'five-layer-model', fixId: 'check-application' },
    }),
    ...FIVE_LAYER_PROBE_STEPS,
    ...FIVE_LAYER_CUSTOMER_STEPS,
  },
});

