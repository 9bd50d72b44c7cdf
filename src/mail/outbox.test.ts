import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wholeDatabase } from '../database';
import { ownTables } from '../platform/db/tables';
import { openTestDatabase, testEngines } from '../platform/db/test-databases';
import { OutboxMailTransport } from './outbox';

describe.each(testEngines)('the outbox on $name', (engine) => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  const clock = new Date('2026-12-01T08:00:00.000Z');

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
  });
  afterAll(async () => handle?.close());

  it('queues mail in the outbox and logs the recipient, keeping the body to debug level', async () => {
    const info: object[] = [];
    const debug: object[] = [];
    const transport = new OutboxMailTransport(
      ownTables(handle.db),
      { info: (fields) => info.push(fields), warn: () => {}, debug: (fields) => debug.push(fields) },
      () => clock,
    );
    await transport.send({ to: 'a@example.test', subject: 'Hello', body: 'secret-token-123' });
    const row = await wholeDatabase(handle.db)
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'a@example.test')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      subject: 'Hello',
      body: 'secret-token-123',
      sent_at: null,
      created_at: clock.toISOString(),
    });
    expect(JSON.stringify(info)).toContain('a@example.test');
    expect(JSON.stringify(info)).not.toContain('secret-token-123');
    expect(JSON.stringify(debug)).toContain('secret-token-123');
  });
});
