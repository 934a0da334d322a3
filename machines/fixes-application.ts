import type { FixSummary } from './fixes';

/** Fix summaries for DNS, TLS, HTTP, the client and the server host. */
export const APPLICATION_FIXES: Record<string, FixSummary> = {
  'dns-resolution-failure#check-resolution': {
    title: { zh: '检查域名解析', en: 'Check how the name resolves' },
    summary: { zh: '分别向本机 DNS 和公共 DNS 查询这个名字，对比结果，检查域名的记录和授权服务器。', en: "Query the name through the local and a public resolver, compare, and check the domain's records and authoritative servers." },
  },
  'dns-resolution-failure#flush-dns-cache': {
    title: { zh: '清除过期的 DNS 缓存', en: 'Clear the stale DNS cache' },
    summary: { zh: '清空客户端系统的 DNS 缓存，再查一次，确认得到的是当前地址。', en: "Flush the client's DNS cache and look the name up again to get the current address." },
  },
  'dns-resolution-failure#fix-hosts-file': {
    title: { zh: 'hosts 文件里有过时的条目', en: 'A stale entry in the hosts file' },
    summary: { zh: '删除或更正 hosts 文件中这个名字的条目，再清空 DNS 缓存。', en: 'Remove or correct the entry for this name in the hosts file, then flush the DNS cache.' },
  },
  'dns-resolution-failure#split-dns': {
    title: { zh: '内部域名只能在内网解析', en: 'An internal name resolves only inside' },
    summary: { zh: '让客户连上公司网络或 VPN，或者为外部用户发布一个公网可解析的名字。', en: 'Have the customer join the company network or VPN, or publish a name that resolves publicly for outside users.' },
  },
  'dns-resolution-failure#change-resolver': {
    title: { zh: '客户的 DNS 服务器有问题', en: "The customer's DNS resolver is failing" },
    summary: { zh: '改用可靠的 DNS 服务器（公司 DNS 或公共 DNS），确认能解析后再恢复原设置排查。', en: 'Switch to a working resolver (the company DNS or a public one); once names resolve, look into the original one.' },
  },
  'tls-certificate-expired#renew-certificate': {
    title: { zh: '证书已过期：续期并部署', en: 'The certificate expired: renew and deploy it' },
    summary: { zh: '续期或重新签发证书，部署到服务器（连同中间证书）并重新加载服务，再检查有效期。', en: 'Renew or reissue the certificate, deploy it with its intermediates, reload the service and check the dates again.' },
  },
  'tls-certificate-expired#not-yet-valid': {
    title: { zh: '证书还没到生效时间', en: 'The certificate is not valid yet' },
    summary: { zh: '核对证书的生效时间和服务器时钟；时钟错了就校时，证书签错了就重新签发。', en: 'Compare the certificate start date with the server clock; fix the clock if it is wrong, reissue the certificate if it is.' },
  },
  'tls-hostname-mismatch#compare-names': {
    title: { zh: '证书上的名字和客户端使用的名字不一致', en: 'The certificate names do not match what the client uses' },
    summary: { zh: '对比证书的 SAN 列表和客户端连接用的名字，让客户端改用证书上的名字。', en: "Compare the certificate's SAN list with the name the client connects to, and use a name the certificate lists." },
  },
  'tls-hostname-mismatch#reissue-with-san': {
    title: { zh: '重新签发包含正确名字的证书', en: 'Reissue the certificate with the right names' },
    summary: { zh: '签发 SAN 中包含所有对外名字的新证书，部署后再次检查。', en: 'Issue a certificate whose SANs include every public name, deploy it and check again.' },
  },
  'tls-hostname-mismatch#check-sni': {
    title: { zh: '检查 SNI：服务器给错了证书', en: 'Check SNI: the server sends the wrong certificate' },
    summary: { zh: '带上和不带 SNI 各连一次，确认服务器或负载均衡按名字选对了证书。', en: 'Connect with and without SNI to confirm the server or load balancer picks the right certificate by name.' },
  },
  'tls-untrusted-chain#inspect-chain': {
    title: { zh: '检查证书链和客户端的信任库', en: "Inspect the chain and the client's trust store" },
    summary: { zh: '查看服务器发送的证书链，确认根证书在客户端的信任库里，必要时更新信任库。', en: "Look at the chain the server sends and confirm its root is in the client's trust store; update the store if needed." },
  },
  'tls-untrusted-chain#install-intermediate': {
    title: { zh: '服务器没有发送中间证书', en: 'The server does not send the intermediate certificate' },
    summary: { zh: '把中间证书和服务器证书按顺序合成完整链部署，重新加载后验证。', en: 'Deploy the full chain (server certificate then intermediates), reload and verify.' },
  },
  'tls-untrusted-chain#trust-private-ca': {
    title: { zh: '让客户端信任公司的私有 CA', en: "Make the client trust the company's private CA" },
    summary: { zh: '把私有 CA 的根证书安装到客户端系统或应用的信任库中。', en: "Install the private CA's root certificate in the client system's or app's trust store." },
  },
  'tls-untrusted-chain#replace-self-signed': {
    title: { zh: '用受信任的证书替换自签名证书', en: 'Replace the self-signed certificate' },
    summary: { zh: '为对外服务申请公共 CA 签发的证书并部署，替换自签名证书。', en: 'Get a certificate from a public CA for the public service and deploy it in place of the self-signed one.' },
  },
  'tls-version-mismatch#check-tls-versions': {
    title: { zh: '检查双方支持的 TLS 版本', en: 'Check the TLS versions both sides support' },
    summary: { zh: '分别用 TLS 1.2 和 1.3 测试服务器，对比客户端支持的版本和加密套件。', en: 'Test the server with TLS 1.2 and 1.3 and compare with the versions and ciphers the client supports.' },
  },
  'tls-version-mismatch#enable-modern-tls-client': {
    title: { zh: '让客户端启用 TLS 1.2 及以上', en: 'Enable TLS 1.2 or later on the client' },
    summary: { zh: '更新客户端的系统或运行库，打开 TLS 1.2/1.3 支持。', en: "Update the client's OS or runtime and switch on TLS 1.2/1.3." },
  },
  'tls-version-mismatch#server-protocol-config': {
    title: { zh: '服务器只支持过时的 TLS 版本', en: 'The server only speaks old TLS versions' },
    summary: { zh: '在服务器上启用 TLS 1.2 和 1.3 及现代加密套件，重新加载后验证。', en: 'Enable TLS 1.2 and 1.3 with modern ciphers on the server, reload and verify.' },
  },
  'clock-skew#check-clock': {
    title: { zh: '服务器时钟偏差过大', en: "The server's clock is far off" },
    summary: { zh: '对比服务器时间和标准时间，检查 NTP 是否在同步。', en: 'Compare the server time with a reference clock and check that NTP is syncing.' },
  },
  'clock-skew#sync-time': {
    title: { zh: '校准客户电脑的时间', en: "Sync the customer's clock" },
    summary: { zh: '打开自动校时（NTP），确认日期、时间和时区都正确后重试。', en: 'Turn on automatic time (NTP), check date, time and time zone, then retry.' },
  },
  'http-5xx-gateway#identify-the-hop': {
    title: { zh: '找出是哪一跳返回的错误', en: 'Find which hop returns the error' },
    summary: { zh: '看响应头和各层日志，分清错误来自 CDN、负载均衡、反向代理还是应用本身。', en: 'Use the response headers and each tier\'s logs to tell whether the CDN, load balancer, proxy or app returned it.' },
  },
  'http-5xx-gateway#fix-502-upstream': {
    title: { zh: '502：代理连不上后端', en: '502: the proxy cannot reach the back end' },
    summary: { zh: '检查代理配置的后端地址和端口，确认后端进程在运行并能从代理访问。', en: 'Check the back-end address and port in the proxy and that the back end runs and is reachable from it.' },
  },
  'http-5xx-gateway#fix-503-unavailable': {
    title: { zh: '503：没有健康的后端', en: '503: no healthy back end' },
    summary: { zh: '检查健康检查结果和维护模式，恢复后端或修正健康检查。', en: 'Check the health checks and maintenance mode, then restore the back ends or fix the check.' },
  },
  'http-5xx-gateway#fix-504-timeout': {
    title: { zh: '504：后端响应太慢', en: '504: the back end answers too slowly' },
    summary: { zh: '找出慢请求的原因，再决定优化后端还是调整代理的超时。', en: 'Find why the requests are slow, then speed up the back end or adjust the proxy timeout.' },
  },
  'http-429-rate-limit#read-rate-limit-headers': {
    title: { zh: '请求被限流（429）', en: 'Requests are rate limited (429)' },
    summary: { zh: '读 Retry-After 和限流相关响应头，按其要求降低请求频率或申请更高配额。', en: 'Read Retry-After and the rate-limit headers, slow the client down or ask for a higher quota.' },
  },
  'http-429-rate-limit#waf-false-positive': {
    title: { zh: 'WAF 或访问规则拦截了客户端', en: 'A WAF or access rule blocks the client' },
    summary: { zh: '在 WAF 日志里找到被拦的请求和规则，确认是误拦后加例外。', en: 'Find the blocked request and rule in the WAF log and add an exception if it is a false positive.' },
  },
  'server-resource-exhaustion#check-resources': {
    title: { zh: '检查服务器资源', en: 'Check the server resources' },
    summary: { zh: '查看 CPU、内存、磁盘、文件描述符和连接数，找出先耗尽的那一项。', en: 'Look at CPU, memory, disk, file descriptors and connections to find what runs out first.' },
  },
  'server-resource-exhaustion#connection-limits': {
    title: { zh: '连接数达到上限', en: 'Connection limits are reached' },
    summary: { zh: '检查服务和系统的最大连接数、监听队列，按负载调整或扩容。', en: 'Check the maximum connections and listen backlog of the service and OS, then raise them or add capacity.' },
  },
  'server-address-invalid#fill-in-server-address': {
    title: { zh: '填写服务器地址', en: 'Fill in the server address' },
    summary: { zh: '在客户端设置里填入正确的服务器名和端口，保存后重新连接。', en: 'Enter the correct server name and port in the client settings, save and reconnect.' },
  },
  'server-address-invalid#fix-address-format': {
    title: { zh: '更正服务器地址、端口或协议', en: 'Correct the server address, port or scheme' },
    summary: { zh: '按服务端给出的准确地址改正：去掉空格和多余的前缀，使用正确的端口和协议。', en: 'Correct it to the exact address the service publishes: no spaces or stray prefixes, the right port and scheme.' },
  },
  'server-address-invalid#vendor-client-config': {
    title: { zh: '在厂商的配置位置里改地址', en: "Change the address where the vendor's client keeps it" },
    summary: { zh: '按厂商文档找到保存地址的配置文件或注册表项，改正后重启客户端。', en: "Find the config file or registry key the vendor's documentation names, correct it and restart the client." },
  },
  'client-version-outdated#check-client-version': {
    title: { zh: '确认客户端版本', en: 'Check the client version' },
    summary: { zh: '查出客户端的版本号，对照厂商公布的最低支持版本。', en: "Find the client's version and compare it with the vendor's minimum supported version." },
  },
  'client-version-outdated#staged-upgrade': {
    title: { zh: '分批升级客户端', en: 'Upgrade the client in stages' },
    summary: { zh: '先在少量机器上升级并验证，再逐步推广，并保留回退方案。', en: 'Upgrade a few machines first and verify, then roll out in stages with a way back.' },
  },
  'proxy-vpn-interference#check-system-proxy': {
    title: { zh: '代理或安全软件拦截了连接', en: 'A proxy or security software intercepts the connection' },
    summary: { zh: '查看系统代理、PAC 脚本和环境变量，以及杀毒软件的 HTTPS 扫描。', en: 'Check the system proxy, PAC script and proxy variables, and any antivirus HTTPS scanning.' },
  },
  'proxy-vpn-interference#bypass-proxy': {
    title: { zh: '让这个服务器绕过代理', en: 'Let this server bypass the proxy' },
    summary: { zh: '把服务器名加入代理例外列表（或 PAC 的直连规则），再测试连接。', en: "Add the server to the proxy's bypass list (or a DIRECT rule in the PAC) and test again." },
  },
  'proxy-vpn-interference#vpn-routes': {
    title: { zh: 'VPN 改变了路由', en: 'The VPN changes the routes' },
    summary: { zh: '断开 VPN 测一次；如果就此恢复，调整 VPN 的分流路由或 DNS 设置。', en: "Test once with the VPN off; if that fixes it, adjust the VPN's split routes or DNS." },
  },
  'connection-triage#collect-evidence': {
    title: { zh: '收集完整的证据', en: 'Collect the full evidence' },
    summary: { zh: '记录准确的错误信息、时间、客户端版本和网络环境，附上本次检测的结果。', en: 'Record the exact error, time, client version and network, and attach these probe results.' },
  },
  'packet-capture#capture-with-tcpdump': {
    title: { zh: '抓包看连接停在哪里', en: 'Capture packets to see where it stops' },
    summary: { zh: '在客户端或服务器上抓包，看握手和请求停在哪一步。', en: 'Capture on the client or server and see at which step the handshake or request stops.' },
  },
};
