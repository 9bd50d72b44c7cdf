/** Messages of the résumés area (简体中文; the same keys as ../en/resumes.ts). */
export const resumes = {
  'resume.error.fixErrors': '请修改标出的内容。',
  'resume.error.city': '请从列表中选择城市。',
  'resume.error.tooManyFiles': '最多可保存 {max, number} 份 PDF 简历，请先删除一份。',
  'resume.error.file.empty': '文件是空的。',
  'resume.error.file.tooLarge': '文件超过 {max, number} MB。',
  'resume.error.file.notPdf': '只能上传 PDF 文件（该文件的内容不是 PDF）。',
  'resume.error.file.active': '该 PDF 含有脚本或自动操作，简历中不允许。请重新另存为普通 PDF（例如用“打印为 PDF”）。',
  'resume.error.file.unreadable': '无法读取该 PDF（文件可能已损坏或设有密码）。',
  'resume.error.fileNotFound': '没有这个文件。',
  'resume.error.companyNotFound': '没有这家企业。',
} as const;
