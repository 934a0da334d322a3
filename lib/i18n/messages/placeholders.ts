import { defineMessages } from '../define-messages';

/** What each placeholder is, in a few words: "Server address". */
export const placeholderLabels = /* @__PURE__ */ defineMessages({
  zh: {
    host: '服务器地址',
    port: '端口',
    url: '完整地址',
    'upstream-port': '后端端口',
    service: '服务名称',
    'proxy-host': '代理服务器地址',
    'proxy-port': '代理端口',
    'dns-server': 'DNS 服务器地址',
    gateway: '网关地址',
    interface: '网卡名称',
    'crl-url': '吊销列表地址',
    'ocsp-url': 'OCSP 地址',
    thumbprint: '证书指纹',
    'cert-file': '证书文件',
    process: '程序名称',
  },
  en: {
    host: 'Server address',
    port: 'Port',
    url: 'Full address',
    'upstream-port': 'Upstream port',
    service: 'Service name',
    'proxy-host': 'Proxy address',
    'proxy-port': 'Proxy port',
    'dns-server': 'DNS server',
    gateway: 'Gateway',
    interface: 'Interface name',
    'crl-url': 'Revocation list address',
    'ocsp-url': 'OCSP address',
    thumbprint: 'Certificate thumbprint',
    'cert-file': 'Certificate file',
    process: 'Program name',
  },
});

/**
 * The values a command may leave for the reader to fill in, written `{{name}}` or
 * `{{name:example}}` in an article (see docs/content-model.md#placeholders). Each says what the
 * value is and where the person at the client finds it; a name missing here fails the content
 * lint, so no customer is ever left with an unexplained placeholder. `host` and `port` are filled
 * from the case or the link when known.
 */
export const placeholderHelp = /* @__PURE__ */ defineMessages({
  zh: {
    host: '客户端里填写的服务器域名或 IP 地址',
    port: '客户端连接服务器时使用的端口号',
    url: '客户端访问的网址，以 https:// 或 http:// 开头',
    'upstream-port': '反向代理转发到的应用程序端口，见代理配置里的 proxy_pass 或 upstream',
    service: '在服务器上用 systemctl list-units --type=service 可以看到的名称',
    'proxy-host': '浏览器或系统代理设置里填写的代理主机名',
    'proxy-port': '代理设置里与代理地址一起填写的端口号',
    'dns-server': 'IT 管理员提供的 DNS 服务器 IP 地址',
    gateway: 'ipconfig 或 ip route 输出中“默认网关”一项的地址',
    interface: 'ipconfig /all、ifconfig 或 ip link 列出的网络接口名',
    'crl-url': '证书详细信息“CRL 分发点”一栏中的 http:// 地址',
    'ocsp-url': '证书详细信息“颁发机构信息访问”一栏中 OCSP 后面的 http:// 地址',
    thumbprint: '证书详细信息里的“指纹”（40 位十六进制字符）',
    'cert-file': 'IT 管理员或服务方提供的证书文件的路径',
    process: '出问题的客户端程序的可执行文件名',
  },
  en: {
    host: "The server's name or IP address as entered in the client",
    port: 'The port number the client uses to connect to the server',
    url: 'The web address the client opens, starting with https:// or http://',
    'upstream-port': "The application's port that the reverse proxy forwards to, as in proxy_pass or upstream in its configuration",
    service: 'The name shown by systemctl list-units --type=service on the server',
    'proxy-host': "The proxy's host name as entered in the browser's or the system's proxy settings",
    'proxy-port': 'The port number entered next to the proxy address in the proxy settings',
    'dns-server': 'The IP address of the DNS server your IT administrator gave you',
    gateway: 'The "Default Gateway" address in the output of ipconfig or ip route',
    interface: 'The network interface as listed by ipconfig /all, ifconfig or ip link',
    'crl-url': 'The http:// address under "CRL Distribution Points" in the certificate details',
    'ocsp-url': 'The http:// address after OCSP under "Authority Information Access" in the certificate details',
    thumbprint: 'The "Thumbprint" in the certificate details (40 hexadecimal characters)',
    'cert-file': 'The path of the certificate file your IT administrator or the provider gave you',
    process: 'The executable file name of the client program that fails',
  },
});
