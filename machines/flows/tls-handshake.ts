import { defineFlow, fixKey as fix, DNS_FAILURE_CODES, TCP_CODES, probe, form, handoffEnd, plainEnd, question } from '../kit';
import { HOST_FIELD, PORT_FIELD } from './common-fields';

const PRIVATE_CA = { zh: '是，公司有自己的证书颁发机构（CA）', en: 'Yes, the company runs its own certificate authority (CA)' };

/** TLS handshake: the TLS probe says what is wrong (clock, expiry, name, chain, version) and each finding leads to its fix. */
export const tlsHandshakeFlow = defineFlow({
  id: 'tls-handshake',
  version: 1,
  title: { zh: 'TLS 握手与证书', en: 'TLS handshake and certificates' },
  description: {
    zh: '用 TLS 探测查出时钟、过期、域名、证书链或协议版本的问题，并给出对应的修复方法。',
    en: 'The TLS probe finds clock, expiry, name, chain or protocol-version trouble and leads to the matching fix.',
  },
  initial: 'target',
  steps: {
    target: form({
      title: { zh: '哪台服务器的 TLS 出了问题？', en: 'Which server has the TLS trouble?' },
      body: {
        zh: '填写客户端连接时使用的名字（不是 IP），这样才能检查证书上的名字。探测从 Fixpath 服务器发出。',
        en: 'Use the name the client connects to (not an IP) so the certificate names can be checked. The probe runs from the Fixpath server.',
      },
      fields: [HOST_FIELD, PORT_FIELD],
      actions: [{ id: 'start', label: { zh: '检查 TLS', en: 'Check TLS' }, to: 'tlsProbe' }],
    }),
    tlsProbe: probe({
      title: { zh: '与 {host}:{port} 进行 TLS 握手', en: 'TLS handshake with {host}:{port}' },
      request: { type: 'tls', host: 'host', port: 'port' },
      branches: [
        { id: 'ok', match: { codes: ['TLS_OK'] }, target: 'serverFine', manual: { zh: '握手成功，没有证书错误', en: 'The handshake succeeds, no certificate error' } },
        { id: 'expired', match: { codes: ['TLS_CERT_EXPIRED'] }, target: fix('tls-certificate-expired', 'renew-certificate'), manual: { zh: '证书已过期', en: 'Certificate has expired' } },
        { id: 'not-yet-valid', match: { codes: ['TLS_CERT_NOT_YET_VALID'] }, target: fix('tls-certificate-expired', 'not-yet-valid'), manual: { zh: '证书尚未生效', en: 'Certificate is not yet valid' } },
        { id: 'name', match: { codes: ['TLS_HOSTNAME_MISMATCH'] }, target: 'nameMismatch', manual: { zh: '证书上的名字不匹配', en: 'Certificate name does not match' } },
        { id: 'self-signed', match: { codes: ['TLS_SELF_SIGNED'] }, target: 'selfSigned', manual: { zh: '自签名证书', en: 'Self-signed certificate' } },
        { id: 'untrusted', match: { codes: ['TLS_UNTRUSTED_ROOT'] }, target: 'untrustedRoot', manual: { zh: '颁发者不受信任', en: 'Untrusted issuer' } },
        { id: 'chain', match: { codes: ['TLS_INCOMPLETE_CHAIN'] }, target: fix('tls-untrusted-chain', 'install-intermediate'), manual: { zh: '缺少中间证书（unable to verify the first certificate）', en: 'Missing intermediate ("unable to verify the first certificate")' } },
        { id: 'version', match: { codes: ['TLS_PROTOCOL_MISMATCH'] }, target: fix('tls-version-mismatch', 'server-protocol-config'), manual: { zh: '协议版本不支持', en: 'Unsupported protocol version' } },
        { id: 'not-tls', match: { codes: ['TLS_NOT_TLS'] }, target: fix('server-address-invalid', 'fix-address-format'), manual: { zh: '对方不是 TLS（wrong version number）', en: 'Not TLS ("wrong version number")' } },
        { id: 'reset', match: { codes: ['TLS_RESET'] }, target: fix('tls-version-mismatch', 'check-tls-versions') },
        { id: 'silent', match: { codes: ['TLS_HANDSHAKE_TIMEOUT'] }, target: fix('service-not-listening', 'check-listening') },
        { id: 'no-connection', match: { codes: [...TCP_CODES, ...DNS_FAILURE_CODES] }, target: 'noConnection', manual: { zh: '根本连不上', en: 'It does not connect at all' } },
      ],
      ref: { slug: 'tls-certificate-expired', fixId: 'check-certificate-dates' },
    }),
    serverFine: question({
      title: { zh: '从这里看，服务器的 TLS 没有问题', en: "The server's TLS is fine from here" },
      body: {
        zh: '证书有效、链完整、协议版本正常（详见证据）。探测来自 Fixpath 服务器；客户那里仍然报错，原因就在客户一侧。客户端报的是哪一种错误？',
        en: "The certificate is valid, the chain complete and the protocol fine (see the evidence). The probe runs from the Fixpath server; if the customer still gets an error, the cause is on their side. Which error does the client report?",
      },
      options: [
        { id: 'date', label: { zh: '证书过期或日期无效', en: 'Certificate expired or date invalid' }, to: 'customerClock' },
        { id: 'untrusted', label: { zh: '证书不受信任或颁发者未知', en: 'Certificate untrusted or unknown issuer' }, to: 'inspection' },
        {
          id: 'tool-untrusted',
          label: { zh: '浏览器正常，只有 curl、git、Java、Python 等工具报证书不受信任', en: 'The browser works; only a tool such as curl, git, Java or Python calls the certificate untrusted' },
          to: fix('tool-trust-stores', 'get-company-root'),
        },
        {
          id: 'revocation',
          label: {
            zh: '无法检查吊销状态（CRYPT_E_NO_REVOCATION_CHECK、“吊销功能无法检查吊销”）',
            en: 'The revocation check fails (CRYPT_E_NO_REVOCATION_CHECK, "the revocation function was unable to check revocation")',
          },
          to: fix('cert-revocation-check', 'test-revocation-urls'),
        },
        {
          id: 'reset-some-networks',
          label: { zh: '发出 ClientHello 后连接立刻被重置，而且只在某些网络上', en: 'The connection is reset right after the ClientHello, and only on some networks' },
          to: fix('sni-filtering', 'compare-sni'),
        },
        { id: 'name', label: { zh: '证书名字不匹配', en: 'Certificate name mismatch' }, to: fix('tls-hostname-mismatch', 'check-sni') },
        { id: 'client-certificate', label: { zh: '服务器要求客户端证书', en: 'Client certificate required' }, to: fix('client-certificate-mtls', 'test-client-certificate') },
        { id: 'protocol', label: { zh: '握手失败或协议不支持', en: 'Handshake failure or unsupported protocol' }, to: fix('tls-version-mismatch', 'enable-modern-tls-client') },
        { id: 'gone', label: { zh: '现在不报错了', en: 'No error any more' }, to: 'resolved' },
      ],
    }),
    customerClock: question({
      title: { zh: '客户电脑的日期、时间和时区对吗？', en: "Are the date, time and time zone right on the customer's machine?" },
      body: {
        zh: '证书本身是有效的。客户端却说过期或尚未生效，最常见的原因是客户电脑的时钟不准。',
        en: "The certificate itself is valid. When the client still calls it expired or not yet valid, the customer's clock is the usual cause.",
      },
      commands: [
        { platform: 'Windows', command: 'w32tm /query /status' },
        { platform: 'macOS', command: 'date -u' },
        { platform: 'Linux', command: 'timedatectl status' },
      ],
      options: [
        { id: 'wrong', label: { zh: '时间不对', en: 'The clock is wrong' }, to: fix('clock-skew', 'sync-time') },
        { id: 'right', label: { zh: '时间是对的', en: 'The clock is right' }, to: fix('proxy-vpn-interference', 'check-system-proxy') },
      ],
      ref: { slug: 'clock-skew', fixId: 'check-clock' },
    }),
    inspection: question({
      title: { zh: '客户的网络会检查加密流量吗？', en: "Does the customer's network inspect encrypted traffic?" },
      body: {
        zh: '公司代理或杀毒软件的“HTTPS 扫描”会换上自己的证书；客户端不信任它，就会报不受信任。',
        en: 'A corporate proxy or an antivirus "HTTPS scanning" feature swaps in its own certificate; a client that does not trust it reports it as untrusted.',
      },
      options: [
        { id: 'yes', label: { zh: '是，有这类代理或杀毒软件', en: 'Yes, such a proxy or antivirus is there' }, to: fix('tls-untrusted-chain', 'trust-private-ca') },
        { id: 'no', label: { zh: '没有 / 不确定', en: 'No, or not sure' }, to: fix('tls-untrusted-chain', 'inspect-chain') },
      ],
    }),
    nameMismatch: question({
      title: { zh: '证书上没有 {host} 这个名字', en: 'The certificate does not name {host}' },
      body: {
        zh: '证据里列出了证书上的名字（SAN）。客户端连接时用的就是 {host} 吗？',
        en: 'The evidence lists the names on the certificate (SANs). Does the client connect using exactly {host}?',
      },
      options: [
        { id: 'same', label: { zh: '是，就是这个名字', en: 'Yes, that name' }, to: 'sharedAddress' },
        { id: 'other', label: { zh: '不是，用的是 IP 或别的名字', en: 'No, an IP or another name' }, to: fix('tls-hostname-mismatch', 'compare-names') },
      ],
    }),
    sharedAddress: question({
      title: { zh: '这个地址上是否托管了多个网站或服务？', en: 'Does this address host several sites or services?' },
      body: {
        zh: '一个 IP 上有多个站点（虚拟主机、共享负载均衡）时，服务器靠 SNI 选证书；没带 SNI 或 SNI 配置错了，就会拿到别人的证书。',
        en: 'When one IP serves several sites (virtual hosts, a shared load balancer), the server picks the certificate by SNI; without SNI, or with it misconfigured, the client gets another site\'s certificate.',
      },
      options: [
        { id: 'shared', label: { zh: '是', en: 'Yes' }, to: fix('tls-hostname-mismatch', 'check-sni') },
        { id: 'single', label: { zh: '否 / 不确定', en: 'No, or not sure' }, to: fix('tls-hostname-mismatch', 'reissue-with-san') },
      ],
    }),
    selfSigned: question({
      title: { zh: '服务器用的是自签名证书', en: 'The server uses a self-signed certificate' },
      body: { zh: '这是只给内部用户使用的服务器吗？', en: 'Is this server only for internal users?' },
      options: [
        { id: 'private', label: PRIVATE_CA, to: fix('tls-untrusted-chain', 'trust-private-ca') },
        { id: 'public', label: { zh: '不是，客户从公网访问', en: 'No, customers reach it from the internet' }, to: fix('tls-untrusted-chain', 'replace-self-signed') },
      ],
    }),
    untrustedRoot: question({
      title: { zh: '证书链的根不受信任', en: 'The certificate chain ends at an untrusted root' },
      body: { zh: '这个根证书是公司自己的 CA 吗？', en: "Is that root the company's own CA?" },
      options: [
        { id: 'private', label: PRIVATE_CA, to: fix('tls-untrusted-chain', 'trust-private-ca') },
        { id: 'unknown', label: { zh: '不是 / 不确定', en: 'No, or not sure' }, to: fix('tls-untrusted-chain', 'inspect-chain') },
      ],
    }),
    noConnection: handoffEnd('five-layer', {
      title: { zh: '还没到 TLS 就连不上了', en: 'The connection fails before TLS starts' },
      body: {
        zh: '名字解析或 TCP 连接已经失败，TLS 还没开始。请用五层排查流程从下往上查。',
        en: 'Name resolution or the TCP connection already fails, before any TLS. Use the five-layer flow to check from the bottom up.',
      },
      ref: { slug: 'five-layer-model', fixId: 'check-transport' },
    }),
    resolved: plainEnd({
      title: { zh: '问题已经消失', en: 'The problem has gone away' },
      body: {
        zh: '服务器端正常，客户那里也不再报错。在工单里记下检测结果；如果再次出现，记录准确的错误信息和时间。',
        en: 'The server side is fine and the customer no longer sees the error. Note the evidence in the ticket; if it comes back, record the exact error and time.',
      },
      ref: { slug: 'connection-triage', fixId: 'collect-evidence' },
    }),
  },
});
