/** The public path of the outlets, for links (a city page, a Q&A step at a service outlet). */
export const OUTLETS_PATH = '/social-security/outlets';
