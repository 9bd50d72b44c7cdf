/**
 * Every string a user reads comes from the catalogue, in files by area under en/. English only for now; a
 * Chinese catalogue will have the same keys (the type makes a missing key a compile error). Services never
 * write sentences: they name a message key and its parameters (errors.ts), rendered here when shown.
 */
import { accounts } from './en/accounts';
import { answering } from './en/answering';
import { errors } from './en/errors';
import { inquiry } from './en/inquiry';
import { notifications } from './en/notifications';
import { site } from './en/site';
import { statutes } from './en/statutes';

const en = { ...site, ...inquiry, ...answering, ...statutes, ...accounts, ...notifications, ...errors } as const;

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;
export type Catalogue = Record<MessageKey, string>;

export const catalogues: Record<'en', Catalogue> = { en };

const keys: ReadonlySet<string> = new Set(Object.keys(en));

export function isMessageKey(key: string): key is MessageKey {
  return keys.has(key);
}

/** A message to show: its key and parameters (a refusal, a citation's problem, a notification). */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** A message in the reader's words. */
export function messageText(message: Message): string {
  return t(message.key, message.params);
}

/** Looks up a message and fills `{name}` placeholders. */
export function t(key: MessageKey, params: MessageParams = {}): string {
  return en[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
