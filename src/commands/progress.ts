import type { Progress } from '../tally.js';

export interface ProgressReporter {
  update: Progress;
  stop: () => void;
}

const NONE: ProgressReporter = { update: () => {}, stop: () => {} };
/** Work shorter than this never shows a bar: a person at a terminal only needs one when waiting. */
const DELAY_MS = 1000;

/**
 * A progress bar on stderr for long work, only on a terminal and never with --quiet or --json
 * (batch scripts and pipes get none). cli-progress loads only when a bar is actually shown.
 */
export async function progressReporter(
  stream: NodeJS.WriteStream | undefined,
  enabled: boolean,
  delayMs = DELAY_MS,
): Promise<ProgressReporter> {
  if (!enabled || stream === undefined || stream.isTTY !== true) return NONE;
  const { SingleBar, Presets } = await import('cli-progress');
  const started = Date.now();
  let bar: InstanceType<typeof SingleBar> | undefined;
  let phase = '';
  return {
    update: (label, done, total) => {
      if (bar === undefined) {
        if (Date.now() - started < delayMs) return;
        bar = new SingleBar(
          {
            stream,
            format: '{label} [{bar}] {value}/{total}',
            hideCursor: true,
            clearOnComplete: true,
          },
          Presets.shades_classic,
        );
        bar.start(total, done, { label });
        phase = label;
        return;
      }
      if (label !== phase) {
        bar.setTotal(total);
        phase = label;
      }
      bar.update(done, { label });
    },
    stop: () => bar?.stop(),
  };
}
