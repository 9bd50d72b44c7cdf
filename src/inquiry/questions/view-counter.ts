/**
 * Page views are counted in memory and written in batches: a write per page view would put a
 * write transaction on the hottest read path. Losing a few seconds of counts on a crash is acceptable.
 */
export class ViewCounter {
  private pending = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly write: (views: Map<number, number>) => Promise<void>) {}

  record(questionId: number): void {
    this.pending.set(questionId, (this.pending.get(questionId) ?? 0) + 1);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    await this.write(batch);
  }

  start(intervalMs: number, onError: (error: unknown) => void): void {
    this.timer = setInterval(() => this.flush().catch(onError), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
