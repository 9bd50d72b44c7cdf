/** Notifications: the bell and the list; `notifications.<kind>` is the text of each kind (简体中文). */
export const notifications = {
  'notifications.title': '通知',
  'notifications.empty': '暂无通知。',
  'notifications.markRead': '全部标为已读',
  'notifications.answered': '你的问题“{title}”有了回答',
  'notifications.approved': '你对“{title}”的回答已通过审核并发布',
  'notifications.rejected': '你对“{title}”的回答被退回：{reason}',
  'notifications.revised': '你关注的回答已修订：“{title}”',
  'notifications.jobApproved': '您的职位“{title}”已通过审核并上线',
  'notifications.jobRejected': '您的职位“{title}”未通过审核：{reason}',
  'notifications.jobEditApproved': '您对职位“{title}”的修改已通过审核并上线',
  'notifications.jobEditRejected': '您对职位“{title}”的修改未通过审核：{reason}',
  'notifications.savedSearchMatches': '你保存的搜索“{name}”有 {count, number} 个新职位',
  'notifications.applicationSubmitted': '你已向{company}投递“{title}”',
  'notifications.applicationViewed': '{company}查看了你投递的“{title}”',
  'notifications.applicationInterview': '{company}邀请你面试“{title}”：{time}（北京时间），{place}',
  'notifications.applicationOffer': '{company}决定录用你：“{title}”',
  'notifications.applicationRejected': '{company}认为你与“{title}”不合适：{reason}',
  'notifications.applicationRejectedNoReason': '{company}认为你与“{title}”不合适',
  'notifications.applicationRestored':
    '{company}已将你对“{title}”的投递退回“{stage, select, submitted {已投递} viewed {被查看} interview {邀面试} other {{stage}}}”',
  'notifications.applicationWithdrawn': '你已撤回对{company}“{title}”的投递',
  'notifications.applicationsWaiting': '您的职位“{title}”收到新投递：{count, number} 份待查看',
  'notifications.mailBody':
    '{text}\n\n查看详情：\n{link}\n\n如需更改通知邮件的语言，请前往“我的账号”页面：\n{account}\n',
} as const;
