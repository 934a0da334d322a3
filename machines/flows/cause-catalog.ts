import type { CauseSuggestion } from '../kit';

const cause = (zh: string, en: string, slug: string, fixId: string): CauseSuggestion => ({ text: { zh, en }, fix: { slug, fixId } });

/**
 * Causes the knowledge base explains, offered in every "why" step of the 5 Whys; each points
 * to the article section that says how to confirm and fix it.
 */
export const CAUSE_CATALOG: readonly CauseSuggestion[] = [
  cause('服务器证书已过期，没有自动续期', 'The server certificate expired and was not renewed automatically', 'tls-certificate-expired', 'renew-certificate'),
  cause('服务器缺少中间证书，部分客户端无法验证证书链', 'The server does not send the intermediate certificate, so some clients cannot verify the chain', 'tls-untrusted-chain', 'install-intermediate'),
  cause('证书上没有客户端使用的域名', 'The certificate does not list the name clients use', 'tls-hostname-mismatch', 'reissue-with-san'),
  cause('客户端太旧，不支持服务器要求的 TLS 版本', "The client is too old for the server's TLS version", 'tls-version-mismatch', 'enable-modern-tls-client'),
  cause('客户端版本过旧，与服务器协议不兼容', "The client version is too old for the server's protocol", 'client-version-outdated', 'staged-upgrade'),
  cause('系统时间不准，证书和令牌校验失败', 'The system clock is wrong, so certificate and token checks fail', 'clock-skew', 'sync-time'),
  cause('域名解析到了错误或过期的地址', 'The name resolves to a wrong or stale address', 'dns-resolution-failure', 'flush-dns-cache'),
  cause('内部域名只能在内网或 VPN 上解析', 'An internal name only resolves inside the office or on VPN', 'dns-resolution-failure', 'split-dns'),
  cause('防火墙或安全组没有放行这个端口', 'A firewall or security group does not allow the port', 'port-unreachable-firewall', 'cloud-security-group'),
  cause('服务没有运行，或者只监听在 127.0.0.1', 'The service is not running, or listens only on 127.0.0.1', 'service-not-listening', 'fix-bind-address'),
  cause('路由器上缺少端口映射', 'The router has no port forward for the service', 'nat-port-mapping', 'port-forwarding'),
  cause('VPN 或代理改变了客户端的路由', "A VPN or proxy changes the client's routes", 'proxy-vpn-interference', 'vpn-routes'),
  cause('VPN 开销导致大包被丢弃（MTU 黑洞）', 'VPN overhead makes large packets disappear (MTU black hole)', 'mtu-fragmentation', 'mss-clamping'),
  cause('网络丢包或延迟过高', 'The network loses packets or adds too much delay', 'packet-loss-latency', 'reduce-loss'),
  cause('局域网里有 IP 地址冲突', 'Two devices on the LAN share one IP address', 'ip-conflict-arp', 'detect-ip-conflict'),
  cause('网线、网口或网卡故障', 'A cable, port or network card is faulty', 'physical-link', 'check-nic-errors'),
  cause('负载均衡后端不健康，返回 502/503', 'Load balancer back ends are unhealthy and return 502/503', 'http-5xx-gateway', 'fix-503-unavailable'),
  cause('限流或 WAF 规则误拦了正常客户端', 'A rate limit or WAF rule blocks legitimate clients', 'http-429-rate-limit', 'waf-false-positive'),
  cause('服务器资源耗尽（连接数、文件描述符、内存）', 'The server ran out of resources (connections, file descriptors, memory)', 'server-resource-exhaustion', 'raise-file-descriptor-limit'),
  cause('空闲连接被中间设备超时断开', 'A device in the path drops idle connections', 'keepalive-timeouts', 'enable-keepalive'),
  cause('变更没有经过评审或没有回滚方案', 'The change went out without review or a rollback plan', 'five-whys-rca', 'countermeasures'),
  cause('监控没有覆盖这一项，故障没有被及时发现', 'Monitoring did not cover this, so nobody noticed in time', 'five-whys-rca', 'countermeasures'),
];
