import { defineFlow, fixKey as fix, DNS_FAILURE_CODES, TCP_CODES, TLS_PROBLEM_CODES, probe, form, handoffEnd, question, type ImpliedAnswer } from '../kit';
import { OPTIONAL_PORT_FIELD, WEBSOCKET_OPTION } from './common-fields';

/** A UDP service cannot be judged by the TCP test: its own article takes over. */
const UDP_SERVICE = {
  id: 'udp',
  label: { zh: '这是 UDP 服务（语音通话、游戏、WireGuard、QUIC），TCP 测试不适用', en: 'It is a UDP service (VoIP, games, WireGuard, QUIC); a TCP test does not apply' },
  to: fix('udp-service-reachability', 'test-udp-service'),
};

const ADDRESS: ImpliedAnswer['source'] = { zh: '客户端的服务器地址', en: "the client's server address" };

/** `https://`, `wss://`, `ssl://` in the client's address switch TLS on; `http://`, `ws://` leave it off: no need to ask. */
const SCHEME_OF_ADDRESS: ImpliedAnswer[] = [
  { option: 'on', when: { field: 'address', test: 'impliesTls' }, source: ADDRESS },
  { option: 'off', when: { field: 'address', test: 'impliesPlain' }, source: ADDRESS },
];

/** Client configuration: the server address, port and scheme, proxy settings and the client's version. */
export const clientConfigFlow = defineFlow({
  id: 'client-config',
  version: 1,
  title: { zh: '客户端配置检查', en: 'Client configuration check' },
  description: {
    zh: '检查客户端里的服务器地址、端口和协议、代理设置以及客户端版本。',
    en: "Checks the server address, port and scheme in the client, its proxy settings and the client's version.",
  },
  initial: 'addressShown',
  steps: {
    addressShown: question({
      title: { zh: '客户端设置里的服务器地址是什么样？', en: "What does the client's server address setting show?" },
      body: {
        zh: '请客户打开客户端的连接设置（或登录界面的“服务器”一栏），读出服务器地址。',
        en: 'Ask the customer to open the connection settings (or the "server" box on the login screen) and read out the server address.',
      },
      options: [
        { id: 'empty', label: { zh: '是空的', en: 'It is empty' }, to: fix('server-address-invalid', 'fill-in-server-address') },
        { id: 'hidden', label: { zh: '界面上看不到这项设置', en: 'The client has no visible setting' }, to: fix('server-address-invalid', 'vendor-client-config') },
        { id: 'shown', label: { zh: '有一个地址', en: 'There is an address' }, to: 'address' },
      ],
      ref: { slug: 'server-address-invalid', fixId: 'fill-in-server-address' },
    }),
    address: form({
      title: { zh: '照原样输入客户端里的地址', en: 'Type the address exactly as the client has it' },
      body: {
        zh: '包括 http://、端口号和空格，一个字符都不要改。Fixpath 会检查格式，再从服务器端测试这个地址。',
        en: 'Include any http://, port number or stray spaces; change nothing. Fixpath checks the format, then tests the address from its server.',
      },
      fields: [
        {
          name: 'address',
          kind: 'address',
          required: true,
          placeholder: 'https://api.example.com:8443',
          label: { zh: '服务器地址（原样）', en: 'Server address (verbatim)' },
        },
        {
          ...OPTIONAL_PORT_FIELD,
          placeholder: undefined,
          help: {
            zh: '客户端把端口单独放在另一栏时填写；地址里已经写了端口，以地址里的为准。',
            en: 'Fill in when the client keeps the port in a separate box; a port written in the address wins.',
          },
        },
      ],
      actions: [
        {
          id: 'check',
          label: { zh: '检查地址', en: 'Check the address' },
          to: [{ when: { field: 'address', test: 'addressMalformed' }, target: fix('server-address-invalid', 'fix-address-format') }, { target: 'tcpProbe' }],
        },
      ],
    }),
    tcpProbe: probe({
      title: { zh: '连接客户端配置的地址', en: 'Connecting to the configured address' },
      request: { type: 'tcp', address: 'address', port: 'port' },
      branches: [
        { id: 'open', match: { codes: ['TCP_OPEN'] }, target: 'tlsProbe', manual: { zh: '能连上', en: 'It connects' } },
        { id: 'refused', match: { codes: ['TCP_REFUSED'] }, target: 'refusedPort', manual: { zh: '被拒绝', en: 'Refused' } },
        { id: 'no-answer', match: { codes: TCP_CODES.filter((code) => code !== 'TCP_REFUSED') }, target: 'silentPort', manual: { zh: '超时或不可达', en: 'Times out or unreachable' } },
        { id: 'no-name', match: { codes: DNS_FAILURE_CODES }, target: fix('dns-resolution-failure', 'check-resolution'), manual: { zh: '名字解析不了', en: 'The name does not resolve' } },
      ],
    }),
    refusedPort: question({
      title: { zh: '这个端口上没有服务', en: 'No service on this port' },
      body: { zh: '厂商文档或管理员给的是另一个端口吗？', en: 'Do the vendor documents or the admin name a different port?' },
      options: [
        { id: 'different', label: { zh: '是，端口配错了', en: 'Yes, the port is wrong' }, to: fix('server-address-invalid', 'fix-address-format') },
        { id: 'same', label: { zh: '不，端口是对的', en: 'No, the port is right' }, to: fix('service-not-listening', 'check-listening') },
        UDP_SERVICE,
      ],
    }),
    silentPort: question({
      title: { zh: '这个端口从这里连不通', en: 'This port cannot be reached from here' },
      body: { zh: '厂商文档或管理员给的是另一个端口吗？', en: 'Do the vendor documents or the admin name a different port?' },
      options: [
        { id: 'different', label: { zh: '是，端口配错了', en: 'Yes, the port is wrong' }, to: fix('server-address-invalid', 'fix-address-format') },
        { id: 'same', label: { zh: '不，端口是对的', en: 'No, the port is right' }, to: fix('port-unreachable-firewall', 'test-port-reachability') },
        UDP_SERVICE,
      ],
    }),
    tlsProbe: probe({
      title: { zh: '这个端口用 TLS 吗？', en: 'Does this port use TLS?' },
      request: { type: 'tls', address: 'address', port: 'port' },
      branches: [
        { id: 'tls', match: { codes: ['TLS_OK'] }, target: 'tlsPort', manual: { zh: '用 TLS，证书正常', en: 'TLS, certificate fine' } },
        { id: 'tls-problem', match: { codes: TLS_PROBLEM_CODES }, target: 'tlsTrouble', manual: { zh: '用 TLS，但证书或协议报错', en: 'TLS, but a certificate or protocol error' } },
        { id: 'plain', match: { codes: ['TLS_NOT_TLS', 'TLS_HANDSHAKE_TIMEOUT', 'TLS_RESET'] }, target: 'plainPort', manual: { zh: '不用 TLS', en: 'No TLS' } },
      ],
    }),
    tlsPort: question({
      title: { zh: '服务器在这个端口上使用 TLS', en: 'The server uses TLS on this port' },
      body: { zh: '客户端是否启用了 TLS（https://、wss://、“使用 SSL”）？', en: 'Is TLS switched on in the client (https://, wss://, "use SSL")?' },
      options: [
        { id: 'on', label: { zh: '启用了', en: 'Yes' }, to: 'proxy' },
        { id: 'off', label: { zh: '没有（http:// 或未勾选）', en: 'No (http:// or unticked)' }, to: fix('server-address-invalid', 'fix-address-format') },
      ],
      implied: SCHEME_OF_ADDRESS,
    }),
    plainPort: question({
      title: { zh: '服务器在这个端口上不用 TLS', en: 'The server does not use TLS on this port' },
      body: { zh: '客户端是否启用了 TLS（https://、wss://、“使用 SSL”）？', en: 'Is TLS switched on in the client (https://, wss://, "use SSL")?' },
      options: [
        { id: 'on', label: { zh: '启用了', en: 'Yes' }, to: fix('server-address-invalid', 'fix-address-format') },
        { id: 'off', label: { zh: '没有', en: 'No' }, to: 'proxy' },
      ],
      implied: SCHEME_OF_ADDRESS,
    }),
    tlsTrouble: handoffEnd('tls-handshake', {
      title: { zh: '地址没错，但 TLS 有问题', en: 'The address is right, but TLS has a problem' },
      body: {
        zh: '客户端配置指向了正确的服务器，证书或协议却报错。请继续 TLS 握手流程，它会给出对应的修复。',
        en: 'The client points at the right server, but the certificate or protocol fails. Continue with the TLS handshake flow for the matching fix.',
      },
    }),
    proxy: question({
      title: { zh: '客户端或系统设置了代理吗？', en: 'Does the client or the system use a proxy?' },
      body: {
        zh: '看客户端自己的代理设置、系统代理或 PAC 脚本，以及 HTTP_PROXY / HTTPS_PROXY 环境变量。',
        en: "Look at the client's own proxy setting, the system proxy or PAC script, and the HTTP_PROXY / HTTPS_PROXY variables.",
      },
      commands: [
        { platform: 'Windows', command: 'netsh winhttp show proxy' },
        { platform: 'macOS', command: 'scutil --proxy' },
        { platform: 'Linux', command: 'env | grep -i _proxy' },
      ],
      options: [
        { id: 'yes', label: { zh: '设置了代理', en: 'A proxy is set' }, to: 'proxyBypass' },
        {
          id: 'pac',
          label: { zh: '由 PAC 脚本或“自动检测设置”决定', en: 'A PAC script or "automatically detect settings" decides' },
          to: fix('proxy-pac-auth', 'test-pac-decision'),
        },
        { id: 'no', label: { zh: '没有代理', en: 'No proxy' }, to: 'version' },
      ],
    }),
    proxyBypass: question({
      title: { zh: '让这个服务器绕过代理后能连上吗？', en: 'Does it connect when this server bypasses the proxy?' },
      options: [
        { id: 'works', label: { zh: '能', en: 'Yes' }, to: fix('proxy-vpn-interference', 'bypass-proxy') },
        { id: 'fails', label: { zh: '不能，或无法修改', en: 'No, or it cannot be changed' }, to: fix('proxy-vpn-interference', 'check-system-proxy') },
        {
          id: 'login',
          label: { zh: '代理要求登录（407 Proxy Authentication Required）', en: 'The proxy asks for a login (407 Proxy Authentication Required)' },
          to: fix('proxy-pac-auth', 'proxy-auth-407'),
        },
      ],
    }),
    version: question({
      title: { zh: '客户端是服务器要求的版本吗？', en: 'Is the client a version the server supports?' },
      body: {
        zh: '对比客户端“关于”里的版本号和厂商公布的最低支持版本。',
        en: "Compare the version in the client's About box with the vendor's minimum supported version.",
      },
      options: [
        { id: 'old', label: { zh: '比要求的旧', en: 'Older than required' }, to: fix('client-version-outdated', 'staged-upgrade') },
        { id: 'unknown', label: { zh: '不知道要求是什么', en: 'Not sure what is required' }, to: fix('client-version-outdated', 'check-client-version') },
        { id: 'current', label: { zh: '是最新或受支持的版本', en: 'Current or supported' }, to: 'circumstances' },
      ],
    }),
    circumstances: question({
      title: { zh: '只在特定情况下才失败吗？', en: 'Does it fail only in particular circumstances?' },
      body: {
        zh: '客户端的设置都对得上。问问客户：在哪个网络、用哪种连接时失败？这些情况各有自己的原因。',
        en: 'The client settings check out. Ask the customer on which network and for which kind of connection it fails; each of these has its own cause.',
      },
      options: [
        {
          id: 'one-network',
          label: { zh: '在一个网络上正常（如 Wi-Fi），换个网络就失败（如手机流量、公司网络）', en: 'Fine on one network (such as Wi-Fi), fails on another (such as mobile data or the office)' },
          to: fix('works-on-one-network-only', 'compare-networks'),
        },
        {
          id: 'portal',
          label: { zh: '在酒店、机场或咖啡馆的 Wi-Fi 上，出现登录页面或证书警告', en: 'On hotel, airport or café Wi-Fi, a login page or a certificate warning appears' },
          to: fix('captive-portal-hsts', 'detect-captive-portal'),
        },
        WEBSOCKET_OPTION,
        {
          id: 'ipv6',
          label: { zh: '走 IPv4 正常，走 IPv6 失败（或关掉 IPv6 才好）', en: 'It works over IPv4 but not over IPv6 (or only with IPv6 off)' },
          to: fix('ipv6-fallback', 'compare-ipv4-ipv6'),
        },
        {
          id: 'udp',
          label: { zh: '只有 UDP 服务失败（语音通话、游戏、WireGuard、QUIC）', en: 'Only a UDP service fails (VoIP calls, games, WireGuard, QUIC)' },
          to: UDP_SERVICE.to,
        },
        { id: 'none', label: { zh: '都不是', en: 'None of these' }, to: 'configFine' },
      ],
    }),
    configFine: handoffEnd('five-layer', {
      title: { zh: '客户端配置看起来没问题', en: 'The client configuration looks right' },
      body: {
        zh: '地址、端口、协议、代理和版本都对得上。接下来用五层排查流程检查网络。',
        en: 'Address, port, scheme, proxy and version all check out. Next, check the network with the five-layer flow.',
      },
    }),
  },
});
