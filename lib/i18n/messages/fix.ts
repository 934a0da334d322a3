import { defineMessages } from '../define-messages';

/** Strings of the customer's view of one fix. */
export const fixMessages = /* @__PURE__ */ defineMessages({
  zh: {
    heading: '修复步骤',
    forTarget: '适用于服务器 {target}',
    intro: '按下面的步骤操作。遇到看不懂的输出，请把它原样发给支持人员。',
    filledIn: '命令里已经填好：',
    toReplace: '运行前请替换命令里标出的示例值：',
    labelSeparator: '：',
    ignoredHost: '链接里的服务器地址“{value}”无效，命令中使用了示例地址，请替换成你的服务器地址。',
    ignoredPort: '链接里的端口“{value}”无效，命令中使用了默认端口，请替换成你的端口。',
    unknownFix: '链接指向的修复方法不存在，下面列出本文所有写给客户的修复方法。',
    staffFix: '链接指向的这一步由支持人员处理，不在这里显示；下面列出本文所有写给客户的修复方法。',
    print: '打印',
  },
  en: {
    heading: 'Steps to fix',
    forTarget: 'For the server {target}',
    intro: 'Follow the steps below. If an output is unclear, send it to support exactly as shown.',
    filledIn: 'Already filled in the commands:',
    toReplace: 'Before running them, replace the example values marked in the commands:',
    labelSeparator: ': ',
    ignoredHost: 'The server address "{value}" in the link is not valid, so the commands show an example address: replace it with your server.',
    ignoredPort: 'The port "{value}" in the link is not valid, so the commands show the default port: replace it with yours.',
    unknownFix: 'The link names a fix that does not exist; every fix of this article written for customers is shown below.',
    staffFix: 'The link names a step our support staff carry out, so it is not shown here; every fix of this article written for customers is shown below.',
    print: 'Print',
  },
});
