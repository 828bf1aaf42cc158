// Shows the workspace crawl as work-done progress while the index cannot answer, and says when it can.
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';

/** The part of the connection's window that creates progress reports. */
export interface ProgressWindow {
  createWorkDoneProgress(): Promise<WorkDoneProgressServerReporter>;
}

/**
 * Reports "indexing" from the moment the workspace index cannot answer (its first crawl runs)
 * until it can; then ends the report and runs `ready` (which publishes the findings held back),
 * in that order, so that a client sees the end of indexing before those findings.
 */
export class IndexProgress {
  private reporter?: Promise<WorkDoneProgressServerReporter | undefined>;

  constructor(
    private readonly window: ProgressWindow,
    private readonly ready: () => void,
  ) {}

  /** The index's readiness changed. */
  set(ready: boolean): void {
    if (!ready) {
      this.reporter ??= this.window.createWorkDoneProgress().then(
        (r) => {
          r.begin('cnf-lint', undefined, 'Indexing the workspace');
          return r;
        },
        () => undefined,
      );
      return;
    }
    const reporter = this.reporter ?? Promise.resolve(undefined);
    this.reporter = undefined;
    void reporter.then((r) => r?.done()).finally(this.ready);
  }
}
