import { fixKey as fix, MANUAL_COMMANDS, question, type StepBuilder } from '../kit';
import { WEBSOCKET_OPTION } from './common-fields';

/**
 * The five-layer questions no server-side probe can answer: the customer's link, LAN,
 * VPN or proxy, and what the client itself shows.
 */
export const FIVE_LAYER_CUSTOMER_STEPS: Record<string, StepBuilder> = {
  serverSideOk: question({
    title: { zh: 'Fixpath 能测的都正常', en: 'Everything Fixpath can test works' },
    body: {
      zh: '从 Fixpath 服务器看，这台服务器一切正常（证据见上）。探测是从 Fixpath 服务器发出的，不是从客户的电脑：这里通、客户那里不通，说明问题在客户一侧，可能是他的网线或 Wi-Fi、局域网、电脑上的 VPN 或代理，或者客户端本身。接下来的问题只有客户能回答。',
      en: "Seen from the Fixpath server, the server works (evidence above). Probes run from the Fixpath server, not from the customer's machine: when it works from here but not for the customer, the fault is on their side: their cable or Wi-Fi, their LAN, a VPN or proxy on their machine, or the client itself. Only the customer can answer the next questions.",
    },
    options: [{ id: 'continue', label: { zh: '继续问客户', en: 'Continue with the customer' }, to: 'otherSites' }],
  }),
  otherSites: question({
    title: { zh: '客户在同一台电脑上能打开别的网站吗？', en: 'Can the customer open other websites from the same machine?' },
    options: [
      { id: 'yes', label: { zh: '能，一切正常', en: 'Yes, normally' }, to: 'vpnProxy' },
      { id: 'slow', label: { zh: '能，但很慢或时好时坏', en: 'Yes, but slowly or on and off' }, to: fix('packet-loss-latency', 'measure-loss') },
      {
        id: 'portal',
        label: { zh: '只会打开一个 Wi-Fi 登录页面（酒店、机场、咖啡馆）', en: 'Only a Wi-Fi login page opens (hotel, airport, café)' },
        to: fix('captive-portal-hsts', 'open-portal-page'),
      },
      { id: 'no', label: { zh: '都打不开', en: 'No, nothing opens' }, to: 'linkLights' },
    ],
  }),
  linkLights: question({
    title: { zh: '电脑连着网络吗？', en: 'Is the machine connected at all?' },
    body: {
      zh: '请客户看一下：网线两头是否插好、网口灯是否亮着，或者 Wi-Fi 是否已连接。任务栏的网络图标上有没有叉或感叹号？',
      en: 'Ask the customer to look: is the cable plugged in at both ends with the port light on, or is Wi-Fi connected? Does the network icon show a cross or an exclamation mark?',
    },
    options: [
      { id: 'no-link', label: { zh: '灯不亮、没插好或没连上 Wi-Fi', en: 'No light, unplugged, or no Wi-Fi' }, to: fix('physical-link', 'check-link-state') },
      { id: 'flapping', label: { zh: '连着，但经常断或特别慢', en: 'Connected, but it drops or is very slow' }, to: fix('physical-link', 'check-nic-errors') },
      { id: 'linked', label: { zh: '连着', en: 'Connected' }, to: 'localAddress' },
    ],
  }),
  localAddress: question({
    title: { zh: '客户电脑的网络配置是什么样？', en: "What does the customer's network configuration show?" },
    body: {
      zh: '请客户运行下面的命令，读出 IPv4 地址，或者说一下有没有“IP 地址冲突”的提示。',
      en: 'Ask the customer to run the command below and read out the IPv4 address, or say whether an "IP address conflict" warning appeared.',
    },
    commands: [
      { platform: 'Windows', command: 'ipconfig /all' },
      { platform: 'macOS', command: 'ifconfig' },
      { platform: 'Linux', command: 'ip addr' },
    ],
    options: [
      { id: 'conflict', label: { zh: '提示 IP 地址冲突', en: 'An "IP address conflict" warning' }, to: fix('ip-conflict-arp', 'detect-ip-conflict') },
      { id: 'no-dhcp', label: { zh: '地址是 169.254 开头，或者没有地址', en: 'An address starting 169.254, or none' }, to: fix('ip-conflict-arp', 'renew-dhcp') },
      { id: 'normal', label: { zh: '地址看起来正常', en: 'A normal-looking address' }, to: 'gateway' },
    ],
  }),
  gateway: question({
    title: { zh: '客户能 ping 通自己的默认网关吗？', en: 'Can the customer ping their default gateway?' },
    commands: [
      { platform: 'Windows', command: 'ping -n 4 (Get-NetRoute -DestinationPrefix 0.0.0.0/0 | Select-Object -First 1).NextHop' },
      { platform: 'macOS', command: "ping -c 4 $(route -n get default | awk '/gateway/ {print $2}')" },
      { platform: 'Linux', command: "ping -c 4 $(ip route show default | awk '{print $3; exit}')" },
    ],
    options: [
      { id: 'no', label: { zh: '没有回应', en: 'No replies' }, to: fix('routing-vlan-issues', 'check-gateway') },
      { id: 'yes', label: { zh: '有回应', en: 'Replies come back' }, to: 'customerDns' },
    ],
  }),
  customerDns: question({
    title: { zh: '客户电脑上能解析任何域名吗？', en: "Do names resolve on the customer's machine at all?" },
    commands: [{ platform: 'any', command: 'nslookup example.com' }],
    options: [
      { id: 'no', label: { zh: '不能，查询失败或超时', en: 'No, lookups fail or time out' }, to: fix('dns-resolution-failure', 'change-resolver') },
      { id: 'yes', label: { zh: '能', en: 'Yes' }, to: fix('routing-vlan-issues', 'check-routes') },
    ],
  }),
  vpnProxy: question({
    title: { zh: '客户电脑上连着 VPN 或设置了代理吗？', en: "Is a VPN connected or a proxy set on the customer's machine?" },
    body: {
      zh: 'VPN 会改变路由和 DNS，代理会接管连接；两者都只在客户电脑上生效，Fixpath 的探测看不到。',
      en: "A VPN changes routes and DNS, a proxy takes over connections; both act only on the customer's machine, where Fixpath's probes cannot see.",
    },
    commands: [
      { platform: 'Windows', command: 'netsh winhttp show proxy' },
      { platform: 'macOS', command: 'scutil --proxy' },
      { platform: 'Linux', command: 'env | grep -i _proxy' },
    ],
    options: [
      { id: 'vpn', label: { zh: '连着 VPN', en: 'A VPN is connected' }, to: fix('proxy-vpn-interference', 'vpn-routes') },
      { id: 'proxy', label: { zh: '设置了代理', en: 'A proxy is set' }, to: fix('proxy-vpn-interference', 'check-system-proxy') },
      { id: 'neither', label: { zh: '都没有', en: 'Neither' }, to: [{ when: { field: 'host', test: 'ipLiteral' }, target: 'customerPort' }, { target: 'customerName' }] },
    ],
  }),
  customerName: question({
    title: { zh: '客户电脑解析出的地址和这里一样吗？', en: "Does the customer's machine find the same address?" },
    body: {
      zh: 'Fixpath 把 {host} 解析到了证据里的地址。请客户在自己电脑上查一下，对比结果。',
      en: 'Fixpath resolved {host} to the address in the evidence. Ask the customer to look the name up on their machine and compare.',
    },
    commands: MANUAL_COMMANDS.dns,
    options: [
      { id: 'same', label: { zh: '一样', en: 'The same' }, to: 'customerPort' },
      { id: 'different', label: { zh: '不一样', en: 'Different' }, to: 'hostsFile' },
      { id: 'fails', label: { zh: '解析失败', en: 'The lookup fails' }, to: fix('dns-resolution-failure', 'change-resolver') },
    ],
  }),
  hostsFile: question({
    title: { zh: '客户的 hosts 文件里有这个名字吗？', en: "Is the name in the customer's hosts file?" },
    commands: [
      { platform: 'Windows', command: "Select-String -Path C:\\Windows\\System32\\drivers\\etc\\hosts -Pattern '{host}'" },
      { platform: 'macOS', command: "grep -i '{host}' /etc/hosts" },
      { platform: 'Linux', command: "grep -i '{host}' /etc/hosts" },
    ],
    options: [
      { id: 'yes', label: { zh: '有', en: 'Yes' }, to: fix('dns-resolution-failure', 'fix-hosts-file') },
      { id: 'no', label: { zh: '没有', en: 'No' }, to: fix('dns-resolution-failure', 'flush-dns-cache') },
    ],
  }),
  customerPort: question({
    title: { zh: '从客户电脑能连上这个端口吗？', en: "Does the port open from the customer's machine?" },
    commands: MANUAL_COMMANDS.tcp,
    options: [
      { id: 'open', label: { zh: '能连上', en: 'It connects' }, to: 'clientSymptom' },
      { id: 'blocked', label: { zh: '超时或被拒绝', en: 'It times out or is refused' }, to: 'sameNetwork' },
    ],
  }),
  sameNetwork: question({
    title: { zh: '客户和服务器在同一个办公室或网络里吗？', en: 'Is the customer in the same building or network as the server?' },
    body: {
      zh: '端口从 Fixpath 服务器能连上，从客户那里却不行。如果客户就在服务器所在的内网、却用公网地址访问，路由器必须把流量绕回来（回流 NAT）；否则就是客户一侧的防火墙，或服务器只拦了客户的网络。',
      en: "The port answers from the Fixpath server but not from the customer. If the customer sits on the server's own network and uses its public address, the router must loop the traffic back (hairpin NAT); otherwise a firewall on the customer's side, or one that filters their network, blocks it.",
    },
    options: [
      { id: 'same', label: { zh: '是，在同一个网络', en: 'Yes, the same network' }, to: fix('nat-port-mapping', 'hairpin-nat') },
      { id: 'elsewhere', label: { zh: '不是', en: 'No' }, to: fix('port-unreachable-firewall', 'test-port-reachability') },
      {
        id: 'other-network-works',
        label: { zh: '不是，而且换个网络（如手机流量）就能连上', en: 'No, and from another network (such as mobile data) it connects' },
        to: fix('works-on-one-network-only', 'blocked-outbound-port'),
      },
    ],
  }),
  clientSymptom: question({
    title: { zh: '客户端失败时显示什么？', en: 'What does the client show when it fails?' },
    body: {
      zh: '从客户电脑到服务器的网络也是通的，剩下的就是客户端本身。',
      en: "The network path works from the customer's machine too; what is left is the client itself.",
    },
    options: [
      { id: 'clock', label: { zh: '证书或日期错误，而且电脑时间不对', en: "A certificate or date error, and the PC's clock is wrong" }, to: fix('clock-skew', 'sync-time') },
      { id: 'tls', label: { zh: 'TLS/SSL 或“安全通道”错误', en: 'A TLS/SSL or "secure channel" error' }, to: fix('tls-version-mismatch', 'enable-modern-tls-client') },
      { id: 'version', label: { zh: '要求更新，或说版本不受支持', en: 'It asks for an update or says the version is unsupported' }, to: fix('client-version-outdated', 'staged-upgrade') },
      { id: 'address', label: { zh: '客户端里的服务器地址是空的或不一样', en: 'The server address in the client is empty or different' }, to: fix('server-address-invalid', 'fill-in-server-address') },
      WEBSOCKET_OPTION,
      { id: 'idle', label: { zh: '闲置一会儿后断开', en: 'It drops after being idle for a while' }, to: fix('keepalive-timeouts', 'find-idle-timeout') },
      { id: 'large', label: { zh: '小请求正常，大文件或登录卡住', en: 'Small requests work; large transfers or logins hang' }, to: fix('mtu-fragmentation', 'find-path-mtu') },
      { id: 'flaky', label: { zh: '时快时慢，偶尔失败', en: 'Slow, or it fails now and then' }, to: fix('packet-loss-latency', 'measure-loss') },
      { id: 'other', label: { zh: '都不是', en: 'None of these' }, to: fix('packet-capture', 'capture-with-tcpdump') },
    ],
  }),
};
