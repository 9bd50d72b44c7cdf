import type { ApplicationsContext } from './deps';

/**
 * Tells people of a change already committed (the seeker, the employers). The change stands whatever happens to the
 * telling, so a failure there (the notifications' or the outbox's tables) is logged, not made the request's
 * failure: a seeker would see an error for an application that was made, and their retry would answer "already
 * applied".
 */
export async function tellAfterCommit(
  ctx: ApplicationsContext,
  what: string,
  tell: () => Promise<void>,
): Promise<void> {
  try {
    await tell();
  } catch (error) {
    ctx.log?.warn({ err: error }, `applications: the ${what} notice was not sent`);
  }
}
