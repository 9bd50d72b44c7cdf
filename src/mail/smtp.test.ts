import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { testConfig } from '../config';
import { wholeDatabase } from '../database';
import type { Modules } from '../modules';
import { ownTables } from '../platform/db/tables';
import { openTestDatabase, testEngines } from '../platform/db/test-databases';
import { postForm, signInAs, testIp } from '../test-support/forms';
import {
  MAX_ATTEMPTS,
  type MailTables,
  OutboxMailTransport,
  OutboxSender,
  RETRY_DELAYS_MS,
  silentLog,
  smtpDelivery,
} from '.';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port that keeps what it receives and refuses mail to refused@… addresses. */
async function startSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused@')) callback(new Error('550 no such mailbox'));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Quoted-printable soft line breaks and escapes undone, so a long link can be read back whole. */
const decoded = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

describe.each(testEngines)('mail through a real SMTP server on $name', (engine) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    handle = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await handle?.close();
    await smtp?.close();
  });
  const outbox = () => wholeDatabase(handle.db).selectFrom('outbox').selectAll().orderBy('id').execute();

  it('sends the password-reset mail of the site through SMTP_URL and marks it sent', async () => {
    let modules: Modules | undefined;
    const app = await buildApp(testConfig({ SMTP_URL: smtp.url, SMTP_FROM: 'jobsite <no-reply@jobsite.example>' }), {
      database: handle,
      seed: false,
      onModules: (built) => (modules = built),
    });
    try {
      const { user } = await signInAs({ database: handle }, 'member');
      const { response } = await postForm(
        app,
        '/account/reset',
        { email: user.email },
        {},
        { page: '/account/reset', remoteAddress: testIp() },
      );
      expect(response.statusCode).toBe(303);
      // The sender drains every few seconds; drain now rather than wait.
      await modules!.mail.sender!.drain();
      const message = smtp.received.find((m) => m.to.includes(user.email));
      expect(message).toBeDefined();
      expect(message!.from).toBe('no-reply@jobsite.example');
      const text = decoded(message!.raw);
      expect(text).toContain('Subject: Reset your jobsite password');
      expect(text).toMatch(/http:\/\/localhost:3000\/account\/reset\/[A-Za-z0-9_-]{43}/);
      const row = (await outbox()).find((m) => m.to_address === user.email)!;
      expect(row).toMatchObject({ attempts: 1, failed_at: null, last_error: null });
      expect(row.sent_at).not.toBeNull();
      // Sent once: another drain (another process) finds nothing to send.
      expect(await modules!.mail.sender!.drain()).toEqual({ sent: 0, failed: 0 });
    } finally {
      await app.close();
    }
  });

  it('retries a refused message with growing waits, then marks it failed with the reason', async () => {
    let clock = new Date('2026-12-07T10:00:00.000Z');
    const db = ownTables<MailTables>(handle.db);
    await new OutboxMailTransport(db, silentLog, () => clock).send({
      to: 'refused@example.test',
      subject: 'Hello',
      body: 'Hello there',
    });
    const delivery = smtpDelivery(smtp.url, 'jobsite <no-reply@jobsite.example>');
    const sender = new OutboxSender(db, delivery.deliver, silentLog, () => clock);
    const row = async () => (await outbox()).find((m) => m.to_address === 'refused@example.test')!;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await sender.drain()).toEqual({ sent: 0, failed: 1 });
      const wait = RETRY_DELAYS_MS[attempt - 1]!;
      expect(await row()).toMatchObject({
        attempts: attempt,
        sent_at: null,
        failed_at: null,
        next_attempt_at: new Date(clock.getTime() + wait).toISOString(),
      });
      expect((await row()).last_error).toContain('no such mailbox');
      // Not before its time.
      expect(await sender.drain()).toEqual({ sent: 0, failed: 0 });
      clock = new Date(clock.getTime() + wait);
    }
    expect(await sender.drain()).toEqual({ sent: 0, failed: 1 });
    expect(await row()).toMatchObject({ attempts: MAX_ATTEMPTS, sent_at: null, next_attempt_at: null });
    expect((await row()).failed_at).not.toBeNull();
    clock = new Date(clock.getTime() + 30 * 24 * 3_600_000);
    expect(await sender.drain()).toEqual({ sent: 0, failed: 0 });
    delivery.close();
  });

  it('keeps mail in the outbox without SMTP_URL', async () => {
    let modules: Modules | undefined;
    const app = await buildApp(testConfig(), { database: handle, seed: false, onModules: (m) => (modules = m) });
    try {
      expect(modules!.mail.sender).toBeNull();
      await modules!.mail.transport.send({ to: 'kept@example.test', subject: 'Kept', body: 'Kept here' });
      expect((await outbox()).find((m) => m.to_address === 'kept@example.test')).toMatchObject({ sent_at: null });
      expect(smtp.received.some((m) => m.to.includes('kept@example.test'))).toBe(false);
    } finally {
      await app.close();
    }
  });
});
