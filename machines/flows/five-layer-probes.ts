import { fixKey as fix, DNS_SERVER_FAILURE_CODES, LOWER_LAYER_CODES, TCP_CODES, probe, question, type Goto, type ImpliedAnswer, type StepBuilder } from '../kit';

/** After a working TLS (or plain) port: HTTP when a URL was given, else the customer-side questions. */
const AFTER_TRANSPORT: Goto = [{ when: { field: 'url', test: 'filled' }, target: 'httpProbe' }, { target: 'serverSideOk' }];

const EXPECTS_TLS = { zh: '客户端要求加密连接（https、ssl://、“安全连接”）', en: 'The client expects TLS here (https, ssl://, "secure connection")' };
const PLAIN_CLIENT = { zh: '客户端用的是明文连接', en: 'The client uses a plain connection' };

/** An `https://` URL says the client expects TLS, an `http://` one that it does not: no need to ask. */
const SCHEME_OF_URL: ImpliedAnswer[] = [
  { option: 'expects-tls', when: { field: 'url', test: 'impliesTls' }, source: { zh: '网址', en: 'the URL' } },
  { option: 'plain', when: { field: 'url', test: 'impliesPlain' }, source: { zh: '网址', en: 'the URL' } },
];

/** The steps of the five-layer flow that Fixpath tests by itself, layer by layer. */
export const FIVE_LAYER_PROBE_STEPS: Record<string, StepBuilder> = {
  dnsProbe: probe({
    title: { zh: '解析域名 {host}', en: 'Resolving {host}' },
    request: { type: 'dns', host: 'host' },
    branches: [
      { id: 'ok', match: { codes: ['DNS_OK'] }, target: 'tcpProbe', manual: { zh: '返回了 IP 地址', en: 'It returns an address' } },
      { id: 'nxdomain', match: { codes: ['DNS_NXDOMAIN'] }, target: 'nameNotFound', manual: { zh: '提示找不到该域名', en: 'Name not found ("Non-existent domain")' } },
      { id: 'nodata', match: { codes: ['DNS_NODATA'] }, target: fix('dns-resolution-failure', 'check-resolution'), manual: { zh: '域名存在，但没有地址记录', en: 'The name exists but has no address' } },
      { id: 'server', match: { codes: ['DNS_SERVFAIL', 'DNS_REFUSED', 'DNS_TIMEOUT'] }, target: 'dnsServerTrouble', manual: { zh: 'DNS 服务器报错或超时', en: 'The DNS server fails or times out' } },
    ],
    ref: { slug: 'dns-resolution-failure', fixId: 'check-resolution' },
  }),
  nameNotFound: question({
    title: { zh: 'Fixpath 服务器解析不到这个名字', en: "The Fixpath server's DNS does not know this name" },
    body: {
      zh: 'Fixpath 服务器所用的 DNS 说 {host} 不存在（它不在服务器的 hosts 文件里）。要么名字写错了，要么它是只有客户内网或 VPN 才能解析的内部域名。',
      en: "The DNS servers the Fixpath server uses say {host} does not exist (nor is it in the server's hosts file). Either the name is mistyped, or it is an internal name that only the customer's own DNS or VPN knows.",
    },
    options: [
      { id: 'internal', label: { zh: '是内部域名（在公司或连上 VPN 时能用）', en: 'It is an internal name (works in the office or on VPN)' }, to: fix('dns-resolution-failure', 'split-dns') },
      { id: 'typo', label: { zh: '客户端里的名字看起来写错了', en: 'The name in the client looks mistyped' }, to: fix('server-address-invalid', 'fix-address-format') },
      { id: 'unsure', label: { zh: '都不是 / 不确定', en: 'Neither, or not sure' }, to: fix('dns-resolution-failure', 'check-resolution') },
    ],
  }),
  dnsServerTrouble: question({
    title: { zh: '负责这个域名的 DNS 服务器答不上来', en: 'The DNS servers for this name do not answer properly' },
    body: {
      zh: '从 Fixpath 服务器查询 {host} 时，DNS 服务器报错或没有回应。请客户在自己的电脑上查一下这个名字。',
      en: "From the Fixpath server, the DNS servers for {host} fail or stay silent. Ask the customer to look the name up on their machine.",
    },
    commands: [{ platform: 'any', command: 'nslookup {host}' }],
    options: [
      { id: 'resolves', label: { zh: '客户电脑上能解析出地址', en: "It resolves on the customer's machine" }, to: fix('dns-resolution-failure', 'split-dns') },
      { id: 'fails', label: { zh: '客户那里也解析不了', en: 'It fails there too' }, to: fix('dns-resolution-failure', 'check-resolution') },
    ],
  }),
  tcpProbe: probe({
    title: { zh: '连接 {host} 的 {port} 端口', en: 'Connecting to {host} port {port}' },
    request: { type: 'tcp', host: 'host', port: 'port' },
    branches: [
      { id: 'open', match: { codes: ['TCP_OPEN'] }, target: 'tlsProbe', manual: { zh: '能连上（TcpTestSucceeded : True / succeeded）', en: 'It connects (TcpTestSucceeded : True / succeeded)' } },
      { id: 'refused', match: { codes: ['TCP_REFUSED'] }, target: 'portRefused', manual: { zh: '立刻被拒绝（refused）', en: 'Refused at once' } },
      { id: 'filtered', match: { codes: ['TCP_TIMEOUT'] }, target: 'portFiltered', manual: { zh: '一直等，最后超时', en: 'It waits, then times out' } },
      { id: 'unreachable', match: { codes: ['TCP_UNREACHABLE'] }, target: 'hostUnreachable', manual: { zh: '提示主机或网络不可达', en: 'Host or network unreachable' } },
      { id: 'reset', match: { codes: ['TCP_RESET'] }, target: 'connectionReset', manual: { zh: '连接被重置（reset）', en: 'Connection reset' } },
      { id: 'nxdomain', match: { codes: ['DNS_NXDOMAIN'] }, target: 'nameNotFound' },
      { id: 'dns-server', match: { codes: DNS_SERVER_FAILURE_CODES }, target: 'dnsServerTrouble' },
    ],
    ref: { slug: 'port-unreachable-firewall', fixId: 'test-port-reachability' },
  }),
  portRefused: question({
    title: { zh: '{port} 端口上没有程序在监听', en: 'Nothing listens on port {port}' },
    body: {
      zh: '服务器回应了，但拒绝了 {port} 端口的连接：要么没有程序在这个端口监听，要么客户端用错了端口。',
      en: 'The server answered but refused the connection on port {port}: no program listens there, or the client uses the wrong port.',
    },
    options: [
      { id: 'wrong-port', label: { zh: '客户端应该用另一个端口', en: 'The client should use another port' }, to: fix('server-address-invalid', 'fix-address-format') },
      { id: 'stopped', label: { zh: '服务停了或崩溃了', en: 'The service is stopped or crashed' }, to: fix('service-not-listening', 'start-service') },
      { id: 'running', label: { zh: '服务在运行，可能绑在了别的地址上', en: 'The service runs, maybe bound to another address' }, to: fix('service-not-listening', 'fix-bind-address') },
      { id: 'unsure', label: { zh: '不确定', en: 'Not sure' }, to: fix('service-not-listening', 'check-listening') },
    ],
  }),
  portFiltered: question({
    title: { zh: '{port} 端口从这里没有任何回应', en: 'Port {port} does not answer from here' },
    body: {
      zh: '连接请求石沉大海：防火墙、安全组或缺失的端口映射把它悄悄丢掉了。探测来自 Fixpath 服务器，客户的网络可能受到不同对待，请客户在自己电脑上也测一下这个端口。',
      en: "Connection attempts get no answer at all: a firewall, a security group or a missing port forward drops them silently. Probes come from the Fixpath server and the customer's network may be treated differently, so ask the customer to test the port from their machine.",
    },
    commands: [
      { platform: 'Windows', command: 'Test-NetConnection {host} -Port {port}' },
      { platform: 'macOS', command: 'nc -vz -w 5 {host} {port}' },
      { platform: 'Linux', command: 'nc -vz -w 5 {host} {port}' },
    ],
    options: [
      { id: 'both', label: { zh: '客户那里也超时', en: "It times out from the customer's machine too" }, to: 'whereHosted' },
      { id: 'customer-ok', label: { zh: '客户那里能连上（服务器只放行客户的网络）', en: "It connects from the customer's machine (the server admits only their network)" }, to: 'clientSymptom' },
    ],
  }),
  whereHosted: question({
    title: { zh: '服务器部署在哪里？', en: 'Where does the server run?' },
    options: [
      { id: 'cloud', label: { zh: '云主机（有安全组或网络 ACL）', en: 'A cloud instance (security groups, network ACLs)' }, to: fix('port-unreachable-firewall', 'cloud-security-group') },
      { id: 'nat', label: { zh: '公司机房，经路由器的公网地址访问', en: "On premises, reached through a router's public address" }, to: fix('nat-port-mapping', 'port-forwarding') },
      { id: 'hypervisor', label: { zh: '本地虚拟化平台上的虚拟机', en: 'A VM on a local hypervisor' }, to: fix('virtualization-cloud-network', 'check-vm-network') },
      { id: 'host', label: { zh: '我们直接管理的服务器', en: 'A server we manage directly' }, to: fix('port-unreachable-firewall', 'open-host-firewall') },
    ],
  }),
  hostUnreachable: question({
    title: { zh: '网络报告主机不可达', en: 'The network reports the host unreachable' },
    body: {
      zh: '途中的路由器报告到不了 {host}：机器关机或断网了，或者缺一条路由。',
      en: 'A router on the way reported that {host} cannot be reached: the machine is off or disconnected, or a route is missing.',
    },
    options: [
      { id: 'down', label: { zh: '服务器可能关机或断线了', en: 'The server may be off or unplugged' }, to: fix('physical-link', 'check-link-state') },
      { id: 'cloud', label: { zh: '是云主机', en: 'It is a cloud instance' }, to: fix('virtualization-cloud-network', 'check-vpc-routes') },
      { id: 'up', label: { zh: '服务器开着，别处能访问', en: 'The server is up and others reach it' }, to: fix('routing-vlan-issues', 'check-routes') },
    ],
  }),
  connectionReset: question({
    title: { zh: '连接一建立就被重置', en: 'The connection is reset at once' },
    options: [
      { id: 'always', label: { zh: '每次都这样', en: 'Every time' }, to: fix('port-unreachable-firewall', 'open-host-firewall') },
      { id: 'busy', label: { zh: '只在繁忙时或偶尔出现', en: 'Only when busy, or now and then' }, to: fix('server-resource-exhaustion', 'connection-limits') },
    ],
  }),
  tlsProbe: probe({
    title: { zh: '检查 {host}:{port} 的 TLS 握手和证书', en: 'Checking TLS and the certificate on {host}:{port}' },
    body: {
      zh: '看这个端口是否使用 TLS、证书是否有效。端口不用 TLS 也没关系，只要客户端本来就不要求加密。',
      en: 'Checks whether the port speaks TLS and whether its certificate is valid. A port without TLS is fine if the client does not expect it.',
    },
    request: { type: 'tls', host: 'host', port: 'port' },
    branches: [
      { id: 'ok', match: { codes: ['TLS_OK'] }, when: { field: 'url', test: 'filled' }, target: 'httpProbe', manual: { zh: '握手成功，证书没有报错', en: 'The handshake succeeds, no certificate error' } },
      { id: 'ok', match: { codes: ['TLS_OK'] }, target: 'serverSideOk' },
      { id: 'expired', match: { codes: ['TLS_CERT_EXPIRED'] }, target: fix('tls-certificate-expired', 'renew-certificate'), manual: { zh: '证书已过期', en: 'Certificate has expired' } },
      { id: 'not-yet-valid', match: { codes: ['TLS_CERT_NOT_YET_VALID'] }, target: fix('tls-certificate-expired', 'not-yet-valid') },
      { id: 'name', match: { codes: ['TLS_HOSTNAME_MISMATCH'] }, target: fix('tls-hostname-mismatch', 'compare-names'), manual: { zh: '证书上的名字不匹配', en: 'Certificate name does not match' } },
      { id: 'self-signed', match: { codes: ['TLS_SELF_SIGNED'] }, target: fix('tls-untrusted-chain', 'replace-self-signed'), manual: { zh: '自签名或不受信任的证书', en: 'Self-signed or untrusted certificate' } },
      { id: 'untrusted', match: { codes: ['TLS_UNTRUSTED_ROOT'] }, target: fix('tls-untrusted-chain', 'trust-private-ca') },
      { id: 'chain', match: { codes: ['TLS_INCOMPLETE_CHAIN'] }, target: fix('tls-untrusted-chain', 'install-intermediate') },
      { id: 'version', match: { codes: ['TLS_PROTOCOL_MISMATCH'] }, target: fix('tls-version-mismatch', 'server-protocol-config'), manual: { zh: '协议版本不支持（protocol version / unsupported protocol）', en: 'Unsupported protocol version' } },
      { id: 'plain', match: { codes: ['TLS_NOT_TLS'] }, target: 'plainPort', manual: { zh: '对方不是 TLS（wrong version number）', en: 'Not TLS ("wrong version number")' } },
      { id: 'silent', match: { codes: ['TLS_HANDSHAKE_TIMEOUT'] }, target: 'tlsSilent' },
      { id: 'reset', match: { codes: ['TLS_RESET'] }, target: 'tlsReset' },
      { id: 'unstable', match: { codes: TCP_CODES }, target: fix('packet-loss-latency', 'measure-loss') },
    ],
    ref: { slug: 'tls-certificate-expired', fixId: 'check-certificate-dates' },
  }),
  plainPort: question({
    title: { zh: '{port} 端口说的不是 TLS', en: 'Port {port} does not speak TLS' },
    body: {
      zh: '服务器用明文回应，而不是 TLS。对明文协议来说这是正常的；如果客户端要求 https、ssl:// 或“安全连接”，就对不上了。',
      en: 'The server answered in plain text, not TLS. That is right for plain protocols, and wrong when the client expects https, ssl:// or a "secure connection".',
    },
    options: [
      { id: 'expects-tls', label: EXPECTS_TLS, to: fix('server-address-invalid', 'fix-address-format') },
      { id: 'plain', label: PLAIN_CLIENT, to: AFTER_TRANSPORT },
    ],
    implied: SCHEME_OF_URL,
  }),
  tlsSilent: question({
    title: { zh: '服务器接受了连接，却不回应 TLS 握手', en: 'The server accepts the connection but never answers the TLS handshake' },
    options: [
      { id: 'expects-tls', label: EXPECTS_TLS, to: fix('service-not-listening', 'check-listening') },
      { id: 'plain', label: PLAIN_CLIENT, to: AFTER_TRANSPORT },
    ],
    implied: SCHEME_OF_URL,
  }),
  tlsReset: question({
    title: { zh: '服务器在 TLS 握手时断开了连接', en: 'The server drops the connection during the TLS handshake' },
    options: [
      { id: 'expects-tls', label: EXPECTS_TLS, to: fix('tls-version-mismatch', 'check-tls-versions') },
      { id: 'plain', label: PLAIN_CLIENT, to: AFTER_TRANSPORT },
    ],
    implied: SCHEME_OF_URL,
  }),
  httpProbe: probe({
    title: { zh: '请求 {url}', en: 'Requesting {url}' },
    request: { type: 'http', host: 'host', port: 'port', url: 'url' },
    branches: [
      { id: 'skew', match: { codes: ['HTTP_OK', 'HTTP_REDIRECT'], skewAbove: 300 }, target: fix('clock-skew', 'check-clock') },
      { id: 'ok', match: { codes: ['HTTP_OK'] }, target: 'serverSideOk', manual: { zh: '页面正常返回（200）', en: 'The page loads (200)' } },
      { id: 'redirect', match: { codes: ['HTTP_REDIRECT'] }, target: 'redirected', manual: { zh: '返回跳转（3xx）', en: 'A redirect (3xx)' } },
      { id: 'rate-limited', match: { codes: ['HTTP_CLIENT_ERROR'], status: [429] }, target: fix('http-429-rate-limit', 'read-rate-limit-headers') },
      { id: 'forbidden', match: { codes: ['HTTP_CLIENT_ERROR'], status: [403] }, target: fix('http-429-rate-limit', 'waf-false-positive') },
      { id: 'client-error', match: { codes: ['HTTP_CLIENT_ERROR'] }, target: 'clientError', manual: { zh: '客户端错误（4xx）', en: 'A client error (4xx)' } },
      { id: 'bad-gateway', match: { codes: ['HTTP_SERVER_ERROR'], status: [502] }, target: fix('http-5xx-gateway', 'fix-502-upstream') },
      { id: 'unavailable', match: { codes: ['HTTP_SERVER_ERROR'], status: [503] }, target: fix('http-5xx-gateway', 'fix-503-unavailable') },
      { id: 'gateway-timeout', match: { codes: ['HTTP_SERVER_ERROR'], status: [504] }, target: fix('http-5xx-gateway', 'fix-504-timeout') },
      { id: 'server-error', match: { codes: ['HTTP_SERVER_ERROR'] }, target: fix('http-5xx-gateway', 'identify-the-hop'), manual: { zh: '服务器错误（5xx）', en: 'A server error (5xx)' } },
      { id: 'timeout', match: { codes: ['HTTP_TIMEOUT'] }, target: 'slowServer', manual: { zh: '连上了但迟迟没有响应', en: 'It connects but no response comes' } },
      { id: 'lower', match: { codes: LOWER_LAYER_CODES }, target: 'urlElsewhere' },
    ],
    ref: { slug: 'http-5xx-gateway', fixId: 'identify-the-hop' },
  }),
  redirected: question({
    title: { zh: '服务器返回了跳转', en: 'The server answers with a redirect' },
    body: {
      zh: '这个网址返回的是跳转（证据里的 Location）。浏览器会自动跟过去，很多应用和 API 客户端不会。',
      en: 'The URL answers with a redirect (see Location in the evidence). Browsers follow it; many apps and API clients do not.',
    },
    options: [
      { id: 'browser', label: { zh: '客户用的是浏览器', en: 'The customer uses a browser' }, to: 'serverSideOk' },
      { id: 'app', label: { zh: '客户用的是应用或 API 客户端', en: 'An app or API client' }, to: fix('server-address-invalid', 'fix-address-format') },
    ],
  }),
  clientError: question({
    title: { zh: '服务器拒绝了这个请求（4xx）', en: 'The server rejects the request (4xx)' },
    body: { zh: '证据里有具体的状态码。哪一项最符合？', en: 'The evidence shows the exact status. Which fits best?' },
    options: [
      { id: 'not-found', label: { zh: '404，或路径不对', en: '404, or the path is wrong' }, to: fix('server-address-invalid', 'fix-address-format') },
      { id: 'upgrade', label: { zh: '426，或提示需要更新客户端', en: '426, or it asks for a newer client' }, to: fix('client-version-outdated', 'check-client-version') },
      { id: 'other', label: { zh: '其他', en: 'Something else' }, to: fix('connection-triage', 'collect-evidence') },
    ],
  }),
  slowServer: question({
    title: { zh: '服务器接受了连接，但没有及时回应请求', en: 'The server accepts the connection but does not answer in time' },
    options: [
      { id: 'busy', label: { zh: '服务器很忙（CPU、内存、连接数）', en: 'The server is busy (CPU, memory, connections)' }, to: fix('server-resource-exhaustion', 'check-resources') },
      { id: 'proxy', label: { zh: '前面有代理或负载均衡', en: 'A proxy or load balancer sits in front' }, to: fix('http-5xx-gateway', 'fix-504-timeout') },
      { id: 'unsure', label: { zh: '不确定', en: 'Not sure' }, to: fix('server-resource-exhaustion', 'check-resources') },
    ],
  }),
  urlElsewhere: question({
    title: { zh: 'HTTP 检测在更低的层就失败了', en: 'The HTTP check failed below HTTP' },
    body: {
      zh: '前面的检测都通过了，但请求 {url} 时在更低的层失败。要么网址指向的不是 {host}:{port}，要么连接时好时坏。',
      en: 'The earlier checks passed, yet requesting {url} failed at a lower layer. Either the URL points somewhere other than {host}:{port}, or the connection comes and goes.',
    },
    options: [
      { id: 'different', label: { zh: '网址里的主机或端口不一样', en: 'The URL names another host or port' }, to: fix('server-address-invalid', 'fix-address-format') },
      { id: 'same', label: { zh: '是同一台服务器', en: 'It is the same server' }, to: fix('packet-loss-latency', 'measure-loss') },
    ],
  }),
};
