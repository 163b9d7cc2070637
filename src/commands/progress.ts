import type { Lang } from '../text/lang-type.js';
import { messages } from '../text/index.js';
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
 * (batch scripts and pipes get none). cli-progress loads only when a bar is actually shown. The
 * label is said in `lang` for the phases pcv knows, and as given otherwise.
 */
export async function progressReporter(
  stream: NodeJS.WriteStream | undefined,
  enabled: boolean,
  lang: Lang,
  delayMs = DELAY_MS,
): Promise<ProgressReporter> {
  if (!enabled || stream === undefined || stream.isTTY !== true) return NONE;
  const { SingleBar, Presets } = await import('cli-progress');
  const started = Date.now();
  let bar: InstanceType<typeof SingleBar> | undefined;
  let shown = '';
  return {
    update: (given, done, total, phase) => {
      const label = phase === undefined ? given : messages(lang).run.progress[phase];
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
        shown = label;
        return;
      }
      if (label !== shown) {
        bar.setTotal(total);
        shown = label;
      }
      bar.update(done, { label });
    },
    stop: () => bar?.stop(),
  };
}
