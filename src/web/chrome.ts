import type { FastifyReply, FastifyRequest } from 'fastify';
import { createContext } from 'preact';
import type { Viewer } from '../accounts/auth';
import { csrfToken } from '../accounts/auth';

/**
 * What the page frame (header) needs about the request: who is signed in, and a CSRF token for the
 * sign-out form. Passed through Preact context so page components need not thread it.
 */
export interface Chrome {
  viewer: Viewer | null;
  csrfToken: string | null;
  unreadNotifications: number;
}

export const ANONYMOUS: Chrome = { viewer: null, csrfToken: null, unreadNotifications: 0 };

export const ChromeContext = createContext<Chrome>(ANONYMOUS);

export function pageChrome(request: FastifyRequest, reply: FastifyReply): Chrome {
  // Anonymous pages carry no token, so they are the same for everyone and can be cached.
  return request.viewer
    ? { viewer: request.viewer, csrfToken: csrfToken(reply), unreadNotifications: request.unreadNotifications ?? 0 }
    : ANONYMOUS;
}
