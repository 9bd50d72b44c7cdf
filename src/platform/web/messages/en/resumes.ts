/** Messages of the résumés area (see ../index.ts). */
export const resumes = {
  'resume.error.fixErrors': 'Please correct the marked fields.',
  'resume.error.city': 'Choose a city from the list.',
  'resume.error.tooManyFiles': 'You can keep at most {max, number} PDF files. Delete one first.',
  'resume.error.file.empty': 'The file is empty.',
  'resume.error.file.tooLarge': 'The file is larger than {max, number} MB.',
  'resume.error.file.notPdf': 'Only PDF files can be uploaded (the file’s contents are not a PDF).',
  'resume.error.file.active':
    'This PDF contains scripts or automatic actions, which résumés may not have. Save it again as a plain PDF (for example with “Print to PDF”).',
  'resume.error.file.unreadable': 'This PDF cannot be read (it may be damaged or password-protected).',
  'resume.error.fileNotFound': 'There is no such file.',
  'resume.error.companyNotFound': 'There is no such company.',
} as const;
