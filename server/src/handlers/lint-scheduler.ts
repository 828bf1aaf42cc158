// Coalesces bursts of document changes: a document is linted once its changes have settled for a turn.

/**
 * Runs `run(uri)` for a requested document on a later turn of the event loop, once a whole wait
 * (two `setImmediate` turns) passed with no further request for it. The JSON-RPC connection
 * handles one queued message per `setImmediate` turn, so every change already received is applied
 * first: a burst of edits is linted once, at its last version, with no timer latency.
 */
export class LintScheduler {
  /** Per URI: requests so far, and the count seen when the current wait began. */
  private readonly pending = new Map<string, { requests: number; seen: number }>();
  private armed = false;

  constructor(private readonly run: (uri: string) => void) {}

  /** Asks for a document to be linted soon. */
  request(uri: string): void {
    const entry = this.pending.get(uri);
    if (entry) entry.requests++;
    else this.pending.set(uri, { requests: 1, seen: 0 });
    this.arm();
  }

  /** Forgets a pending request (the document was closed). */
  cancel(uri: string): void {
    this.pending.delete(uri);
  }

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    setImmediate(() => setImmediate(() => this.flush()));
  }

  private flush(): void {
    this.armed = false;
    const ready: string[] = [];
    for (const [uri, entry] of this.pending) {
      if (entry.requests !== entry.seen) {
        entry.seen = entry.requests;
        continue;
      }
      ready.push(uri);
      this.pending.delete(uri);
    }
    if (this.pending.size > 0) this.arm();
    for (const uri of ready) this.run(uri);
  }
}
