/** Progress, cancellation and time limit of a running solver. */

export type Progress = (fraction: number, message: string) => void;

/** Anything with an `aborted` flag: an AbortSignal, or the worker's shared-memory flag. */
export interface AbortFlag { readonly aborted: boolean }

export class SolveAborted extends Error {
  override name = 'AbortError';
  constructor() { super('Connectivity solve cancelled'); }
}

export class Control {
  readonly started = performance.now();
  private lastReport = -Infinity;
  private ticks = 0;

  constructor(
    private readonly deadline: number,
    private readonly onProgress?: Progress,
    private readonly signal?: AbortFlag,
  ) {}

  static of(options: { timeLimitMs?: number; onProgress?: Progress; signal?: AbortFlag }, defaultLimitMs: number): Control {
    return new Control(performance.now() + (options.timeLimitMs ?? defaultLimitMs), options.onProgress, options.signal);
  }

  elapsed() { return performance.now() - this.started; }

  /** Throws SolveAborted when cancelled. Cheap: call it in inner loops. */
  check(): void {
    if (this.signal?.aborted) throw new SolveAborted();
  }

  timeUp(): boolean {
    this.check();
    return performance.now() >= this.deadline;
  }

  remainingMs() { return this.deadline - performance.now(); }

  /** Reports progress at most every 50 ms (and always for fraction 0 and 1). */
  progress(fraction: number, message: string): void {
    this.check();
    if (!this.onProgress) return;
    const now = performance.now();
    if (fraction > 0 && fraction < 1 && now - this.lastReport < 50) return;
    this.lastReport = now;
    this.onProgress(Math.max(0, Math.min(1, fraction)), message);
  }

  /** True every `every` calls: for checks inside hot loops. */
  tick(every = 256): boolean {
    return ++this.ticks % every === 0;
  }
}
