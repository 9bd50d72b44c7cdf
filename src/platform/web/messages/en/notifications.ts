/** Notifications: the bell and the list; `notifications.<kind>` is the text of each kind. */
export const notifications = {
  'notifications.title': 'Notifications',
  'notifications.empty': 'No notifications yet.',
  'notifications.markRead': 'Mark all as read',
  'notifications.answered': 'Your question “{title}” was answered',
  'notifications.approved': 'Your answer to “{title}” was approved and published',
  'notifications.rejected': 'Your answer to “{title}” was sent back: {reason}',
  'notifications.revised': 'An answer you follow was revised: “{title}”',
  'notifications.jobApproved': 'Your job post “{title}” was approved and is online',
  'notifications.jobRejected': 'Your job post “{title}” was not approved: {reason}',
  'notifications.jobEditApproved': 'Your edit of the job post “{title}” was approved and is online',
  'notifications.jobEditRejected': 'Your edit of the job post “{title}” was not approved: {reason}',
  'notifications.savedSearchMatches':
    '{count, plural, one {# new job matches} other {# new jobs match}} your saved search “{name}”',
  'notifications.applicationSubmitted': 'Your application for “{title}” at {company} was sent',
  'notifications.applicationViewed': '{company} has viewed your application for “{title}”',
  'notifications.applicationInterview':
    '{company} invites you to an interview for “{title}”: {time} (China time), {place}',
  'notifications.applicationOffer': '{company} offers you the job “{title}”',
  'notifications.applicationRejected': '{company} will not take your application for “{title}” further: {reason}',
  'notifications.applicationRejectedNoReason': '{company} will not take your application for “{title}” further',
  'notifications.applicationRestored':
    '{company} has taken your application for “{title}” back to “{stage, select, submitted {submitted} viewed {viewed} interview {interview} other {{stage}}}”',
  'notifications.applicationWithdrawn': 'You withdrew your application for “{title}” at {company}',
  'notifications.applicationsWaiting':
    'New applications to your job post “{title}”: {count, plural, one {# is} other {# are}} waiting to be opened',
  'notifications.mailBody':
    '{text}\n\nSee it here:\n{link}\n\nYou can change the language of these e-mails on your account page:\n{account}\n',
} as const;
