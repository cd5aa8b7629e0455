import cliProgress from 'cli-progress';
import type { Progress } from '../modules/wilayah/load.ts';

/** A progress reporter for long CLI steps: one bar per label, on stderr. */
export function progressBars(): { onProgress: Progress; stop(): void } {
  const multi = new cliProgress.MultiBar({
    format: '{label} |{bar}| {percentage}% {value}/{total}',
    hideCursor: true,
    clearOnComplete: false,
    stream: process.stderr,
    noTTYOutput: false,
  }, cliProgress.Presets.shades_classic);
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    onProgress(done, total, label) {
      let bar = bars.get(label);
      if (!bar) bars.set(label, (bar = multi.create(total, 0, { label: label.padEnd(36) })));
      bar.setTotal(total);
      bar.update(done, { label: label.padEnd(36) });
    },
    stop: () => multi.stop(),
  };
}
