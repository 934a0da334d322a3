import type { FixSummary } from './fixes';

/** Fix summaries for the physical, data-link, network and transport layers. */
export const NETWORK_FIXES: Record<string, FixSummary> = {
  'physical-link#check-link-state': {
    title: { zh: '先恢复物理连接', en: 'Restore the physical link first' },
    summary: { zh: '检查网线两端、网口指示灯和 Wi-Fi 连接状态，确认网卡显示“已连接”。', en: 'Check both ends of the cable, the port lights and the Wi-Fi state until the adapter shows as connected.' },
  },
  'physical-link#check-nic-errors': {
    title: { zh: '链路时断时续：查网卡错误计数', en: 'The link is unstable: check the NIC error counters' },
    summary: { zh: '读取网卡的错误和丢包计数，换网线或网口，看计数是否还在增长。', en: 'Read the adapter error and drop counters, swap the cable or port, and see whether the counters keep rising.' },
  },
  'ip-conflict-arp#detect-ip-conflict': {
    title: { zh: '局域网里有 IP 地址冲突', en: 'Two devices share an IP address' },
    summary: { zh: '用 ARP 表找出使用同一地址的设备，改掉其中一个的静态地址或 DHCP 保留。', en: 'Find the devices that answer for the same address in the ARP table and change one static address or DHCP reservation.' },
  },
  'ip-conflict-arp#renew-dhcp': {
    title: { zh: '没有从 DHCP 拿到地址', en: 'No address from DHCP' },
    summary: { zh: '释放并重新获取 DHCP 地址；仍是 169.254 开头就检查 DHCP 服务器和交换机端口。', en: 'Release and renew the DHCP lease; if the address still starts with 169.254, check the DHCP server and switch port.' },
  },
  'routing-vlan-issues#check-gateway': {
    title: { zh: '默认网关不通', en: 'The default gateway does not answer' },
    summary: { zh: '确认网关地址、子网掩码和 VLAN 配置正确，网关设备在线。', en: 'Confirm the gateway address, subnet mask and VLAN are right and the gateway is up.' },
  },
  'routing-vlan-issues#check-routes': {
    title: { zh: '路由不对：流量到不了目标网络', en: 'Routing: traffic does not reach the target network' },
    summary: { zh: '查看路由表和 traceroute，找出流量在哪一跳之后消失。', en: 'Read the routing table and a traceroute to find the hop after which traffic disappears.' },
  },
  'virtualization-cloud-network#check-vm-network': {
    title: { zh: '检查虚拟机的网络配置', en: "Check the VM's network setup" },
    summary: { zh: '确认虚拟交换机、网卡绑定和端口组，虚拟机的防火墙也要放行这个端口。', en: "Check the virtual switch, NIC binding and port group, and the VM's own firewall for the port." },
  },
  'virtualization-cloud-network#check-vpc-routes': {
    title: { zh: '检查云上的路由表和子网', en: 'Check the cloud route tables and subnets' },
    summary: { zh: '确认实例所在子网的路由表有去往客户网络（或互联网网关）的路由。', en: "Confirm the instance's subnet route table has a route to the customer's network (or an internet gateway)." },
  },
  'nat-port-mapping#port-forwarding': {
    title: { zh: '路由器上缺少端口映射', en: 'The router lacks a port forward' },
    summary: { zh: '在出口路由器上把公网端口映射到服务器的内网地址和端口，并从外部验证。', en: "Forward the public port on the edge router to the server's internal address and port, then test from outside." },
  },
  'nat-port-mapping#hairpin-nat': {
    title: { zh: '内网访问公网地址需要回流 NAT', en: 'Inside users need hairpin NAT' },
    summary: { zh: '在路由器上启用回流 NAT，或让内网客户端通过内部 DNS 直接解析到内网地址。', en: 'Enable hairpin NAT on the router, or let internal DNS give inside clients the internal address.' },
  },
  'packet-loss-latency#measure-loss': {
    title: { zh: '测量丢包和延迟', en: 'Measure loss and latency' },
    summary: { zh: '用 ping 和 mtr/pathping 连续测量一段时间，找出丢包或延迟突增的位置。', en: 'Run ping and mtr/pathping for a while to find where loss or latency jumps.' },
  },
  'mtu-fragmentation#find-path-mtu': {
    title: { zh: '大包被丢：找出路径 MTU', en: 'Large packets vanish: find the path MTU' },
    summary: { zh: '用禁止分片的 ping 逐步减小包长，找出能通过的最大值，再调 MTU 或 MSS。', en: 'Ping with "do not fragment" and shrink the size until it passes, then adjust MTU or MSS.' },
  },
  'port-unreachable-firewall#test-port-reachability': {
    title: { zh: '从不同位置测试端口', en: 'Test the port from several places' },
    summary: { zh: '分别从服务器本机、同网段和客户网络测试端口，定位是哪一层的防火墙在丢包。', en: "Test the port from the server itself, its own subnet and the customer's network to find which firewall drops it." },
  },
  'port-unreachable-firewall#open-host-firewall': {
    title: { zh: '在服务器防火墙上放行端口', en: "Open the port in the server's firewall" },
    summary: { zh: '在 Windows 防火墙、firewalld/ufw 或 iptables 中为该端口添加入站允许规则。', en: 'Add an inbound allow rule for the port in Windows Firewall, firewalld/ufw or iptables.' },
  },
  'port-unreachable-firewall#cloud-security-group': {
    title: { zh: '在云安全组或网络 ACL 中放行端口', en: 'Allow the port in the cloud security group or network ACL' },
    summary: { zh: '给实例的安全组加入站规则，并确认子网的网络 ACL 允许往返流量。', en: "Add an inbound rule to the instance's security group and check the subnet ACL allows both directions." },
  },
  'service-not-listening#check-listening': {
    title: { zh: '确认哪个程序在监听这个端口', en: 'See what listens on the port' },
    summary: { zh: '在服务器上列出监听端口和对应进程，确认服务监听在正确的地址和端口。', en: 'List listening ports and their processes on the server; the service must listen on the right address and port.' },
  },
  'service-not-listening#start-service': {
    title: { zh: '服务没有运行：启动它', en: 'The service is not running: start it' },
    summary: { zh: '查看服务状态和日志里的失败原因，修正后启动服务并设为开机自启。', en: 'Read the service status and logs for why it stopped, fix that, start it and enable it at boot.' },
  },
  'service-not-listening#fix-bind-address': {
    title: { zh: '服务只监听在本机地址上', en: 'The service listens only locally' },
    summary: { zh: '把监听地址从 127.0.0.1 改为 0.0.0.0 或服务器的网卡地址，然后重启服务。', en: "Change the bind address from 127.0.0.1 to 0.0.0.0 or the server's interface address, then restart the service." },
  },
  'keepalive-timeouts#find-idle-timeout': {
    title: { zh: '找出断开空闲连接的设备', en: 'Find what drops idle connections' },
    summary: { zh: '对比断线前的空闲时间和防火墙、负载均衡、NAT 的空闲超时设置。', en: 'Compare how long the connection was idle with the idle timeouts of firewalls, load balancers and NAT.' },
  },
};
