/** Messages of the privacy area (简体中文; the same keys as ../en/privacy.ts). */
export const privacy = {
  'privacy.export.title': '下载我的数据',
  'privacy.export.lead': '根据《个人信息保护法》，你可以一次下载本站保存的关于你的全部信息（一个 ZIP 文件）。',
  'privacy.export.contents': '其中包括：',
  'privacy.export.json': '按部分（{parts}）整理的数据，JSON 格式',
  'privacy.export.files': '你上传的文件（PDF 简历）',
  'privacy.export.download': '下载（ZIP）',
  'privacy.delete.title': '注销账号',
  'privacy.delete.lead': '注销后无法恢复。用密码确认后：',
  'privacy.delete.resume': '你的简历、PDF 文件（同时从我们的磁盘删除）和屏蔽企业名单将被删除；',
  'privacy.delete.applications':
    '企业仍保留你投递的申请，但姓名改为“已注销账号”，简历和附言被清除；你保存的搜索将被删除；',
  'privacy.delete.contributions': '你写的问题和回答仍保留在网站上，但不再显示你的名字；你将在所有设备上退出登录。',
  'privacy.delete.exportFirst': '你可以先下载自己的数据：',
  'privacy.delete.password': '你的密码',
  'privacy.delete.submit': '永久注销我的账号',
  'privacy.delete.wrongPassword': '密码不正确。',
  'privacy.delete.wait': '尝试次数过多，请 {seconds, number} 秒后再试。',
  'privacy.delete.lastAdmin': '你是唯一的管理员：请先指定另一位管理员，再注销账号。',
  'privacy.deleted.title': '账号已注销',
  'privacy.deleted.body': '你的账号和数据已删除，你已退出登录。感谢使用本站。',
} as const;
