import type { FastifyReply, FastifyRequest } from 'fastify';
import { createContext } from 'preact';
import type { Message } from './messages';

/** A link of the account menu in the header; modules offer theirs (see src/modules.ts). */
export interface MenuLink {
  /** A path without language prefix (the header puts the reader's language in). */
  href: string;
  /** Written in the reader's language when the header is rendered. */
  label: Message;
  /** Where it stands in the menu: lower first. */
  order: number;
  /** A count shown beside the label (unread notifications). */
  badge?: number;
  /** Read by screen readers instead of the label (with the count in words). */
  ariaLabel?: Message;
}

/**
 * What the page frame (header) needs about the request: whether someone is signed in and their name, their
 * menu, and a CSRF token for the sign-out form. Passed through Preact context so page components need not
 * thread it. Platform code does not know accounts or roles: the app gives a provider that builds it.
 */
export interface Chrome {
  viewerName: string | null;
  csrfToken: string | null;
  menu: MenuLink[];
}

export type ChromeProvider = (request: FastifyRequest, reply: FastifyReply) => Chrome;

declare module 'fastify' {
  interface FastifyInstance {
    /** Builds the page frame for a request (decorated by the app: src/app.ts). */
    pageChrome?: ChromeProvider;
  }
}

export const ANONYMOUS: Chrome = { viewerName: null, csrfToken: null, menu: [] };

export const ChromeContext = createContext<Chrome>(ANONYMOUS);

export function pageChrome(request: FastifyRequest, reply: FastifyReply): Chrome {
  return request.server.pageChrome?.(request, reply) ?? ANONYMOUS;
}
