/** Messages of the privacy area: the data export and the account's deletion (see ../index.ts). */
export const privacy = {
  'privacy.export.title': 'Download your data',
  'privacy.export.lead':
    'One ZIP file with everything this site keeps about you, as the Personal Information Protection Law lets you ask.',
  'privacy.export.contents': 'It holds:',
  'privacy.export.json': 'your data, by part ({parts}), in JSON',
  'privacy.export.files': 'the files you uploaded (your PDF résumés)',
  'privacy.export.download': 'Download (ZIP)',
  'privacy.delete.title': 'Delete your account',
  'privacy.delete.lead': 'Deleting your account cannot be undone. When you confirm with your password:',
  'privacy.delete.resume': 'your résumé, your PDF files (also from our disks) and your blocked companies are deleted;',
  'privacy.delete.applications':
    'employers keep the applications you sent, but with your name replaced by “deleted account” and your résumé and note erased; your saved searches are deleted;',
  'privacy.delete.contributions':
    'questions and answers you wrote stay on the site without your name; you are signed out everywhere.',
  'privacy.delete.exportFirst': 'You may want to download your data first:',
  'privacy.delete.password': 'Your password',
  'privacy.delete.submit': 'Delete my account for good',
  'privacy.delete.wrongPassword': 'That is not your password.',
  'privacy.delete.wait': 'Too many attempts. Try again in {seconds, number} seconds.',
  'privacy.delete.lastAdmin':
    'You are the only administrator: make someone else an administrator before deleting your account.',
  'privacy.deleted.title': 'Your account is deleted',
  'privacy.deleted.body': 'Your account and your data are gone, and you are signed out. Thank you for using the site.',
} as const;
