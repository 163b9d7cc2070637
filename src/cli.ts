import { Chalk } from 'chalk';
import { Command, CommanderError, Option } from 'commander';
import type { Io } from './commands/common.js';
import { PcvError } from './errors.js';
import { lineWriter } from './io/pipe.js';
import { chooseLang, langArg } from './text/lang.js';
import { wordProblem } from './text/word.js';
import { VERSION } from './version.js';

const EXAMPLES = `
Examples:
  pcv tally review-2022/                    tally a review folder, reports into review-2022/pcv-out/
  pcv tally scores/*.csv                    inside the review folder: these sheets only
  pcv tally review-2022/ --json > out.json  results JSON on stdout, everything else on stderr
  pcv validate review-2022/                 check every sheet, write nothing
  pcv validate scores/judge-a.csv           check one sheet as it arrives (panel checks skipped)
  pcv tally . --aggregate median --out results-median

Exit codes: 0 done; 1 the inputs have problems (listed as FILE:LINE:COLUMN: message,
nothing written); 2 usage error, missing or unreadable file, or another failure.`;

interface GlobalFlags {
  color?: boolean;
  debug?: boolean;
}

function inputOptions(cmd: Command): Command {
  return cmd
    .argument(
      '[inputs...]',
      'review folder, score sheets, folders of sheets or glob patterns (default: .)',
    )
    .option('--rubric <file>', 'rubric file (default: rubric.yaml|yml|json in the review folder)')
    .option('--roster <file>', 'project roster (default: projects.csv in the review folder)')
    .option(
      '--assignments <file>',
      'which judge scores which project (default: assignments.csv in the review folder)',
    )
    .option('--threshold <n>', "pass mark on the 0-100 scale (overrides the rubric's)")
    .addOption(
      new Option('--aggregate <method>', 'how judges are combined').choices([
        'mean',
        'trimmed-mean',
        'median',
      ]),
    )
    .option('--trim <n>', 'trimmed mean: drop this many highest and lowest totals')
    .option('--decimals <n>', 'decimal places of final scores (0-6)')
    .addOption(
      new Option('--normalize <method>', "rescale each judge's totals before aggregating").choices([
        'none',
        'zscore',
        'offset',
      ]),
    )
    .addOption(new Option('--lang <lang>', 'language of reports').choices(['zh', 'en']));
}

/** --quiet, --no-color and --debug, which every command takes. */
function sharedOptions(cmd: Command, quiet = 'print only errors'): Command {
  return cmd
    .option('--quiet', quiet)
    .option('--no-color', 'no colour in terminal output')
    .option('--debug', 'show stack traces of internal errors');
}

/** A command's handler: its argument (inputs or a folder), its options, where to print. */
// commander hands over the parsed argument and options untyped; each command types its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (arg: any, flags: any, io: Io) => Promise<number>;

/** Each command's handler, loaded only when that command runs, so --help never pays for them. */
const COMMANDS: Record<string, () => Promise<Handler>> = {
  tally: () => import('./commands/tally.js').then((m) => m.tallyCommand),
  validate: () => import('./commands/validate.js').then((m) => m.validateCommand),
  init: () => import('./commands/init.js').then((m) => m.initCommand),
  template: () => import('./commands/template.js').then((m) => m.templateCommand),
  verify: () => import('./commands/verify.js').then((m) => m.verifyCommand),
};

/** Runs pcv with the given arguments and returns the exit code; the only place that prints. */
export async function run(argv: string[], io?: Partial<Io>): Promise<number> {
  // A tally samples the cores as it starts: whether its PDF gets a worker thread looks back to
  // here (bin/pcv.js's prestart samples them sooner). Other commands skip the sampling (os.cpus()).
  if (argv[0] === 'tally') await import('./spare-core.js');
  const out = io?.out ?? lineWriter(process.stdout);
  const err = io?.err ?? lineWriter(process.stderr);
  const cwd = io?.cwd ?? process.cwd();
  let debug = argv.includes('--debug');
  const colorWanted =
    !argv.includes('--no-color') &&
    !('NO_COLOR' in process.env) &&
    process.stdout.isTTY === true &&
    process.stderr.isTTY === true;
  const makeIo = (flags: GlobalFlags): Io => ({
    out,
    err,
    cwd,
    env: io?.env ?? process.env,
    now: io?.now ?? (() => new Date()),
    ...(io === undefined ? { progress: process.stderr } : {}),
    chalk: io?.chalk ?? new Chalk({ level: flags.color === false || !colorWanted ? 0 : 1 }),
  });

  const program = new Command('pcv')
    .description(
      "Tally judges' score sheets into exact, ranked results and reports for a review round.",
    )
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) })
    .showHelpAfterError('(run pcv --help for usage)')
    .addHelpText('after', EXAMPLES);

  let code = 0;
  /** The action of a command: load its handler, run it, keep its exit code. */
  const action =
    (name: keyof typeof COMMANDS) =>
    async (arg: unknown, flags: GlobalFlags): Promise<void> => {
      debug = Boolean(flags.debug);
      const handler = await COMMANDS[name]!();
      code = await handler(arg, flags, makeIo(flags));
    };

  sharedOptions(
    inputOptions(
      program
        .command('tally')
        .description('validate the sheets, compute the results, print a summary and write reports'),
    ),
  )
    .option('-o, --out <dir>', 'output folder for reports (default: pcv-out in the review folder)')
    .option(
      '--format <list>',
      'reports to write: comma list of xlsx, pdf, json, cards, panel, html',
      'xlsx,pdf,json',
    )
    .option('--json', 'print the results JSON on stdout and nothing else there')
    .option('--font <file>', "font file for the PDF reports (overrides the rubric's font)")
    .addHelpText('after', EXAMPLES)
    .action(action('tally'));

  sharedOptions(
    inputOptions(
      program
        .command('validate')
        .description('check every sheet, the roster and the rubric; write nothing'),
    ),
  )
    .addHelpText('after', EXAMPLES)
    .action(action('validate'));

  sharedOptions(
    program
      .command('init')
      .description('create a ready review folder: rubric.yaml, projects.csv, scores/, README.md')
      .argument('[dir]', 'folder to create or fill (default: .)')
      .option('--force', 'overwrite existing files')
      .addOption(
        new Option(
          '--lang <lang>',
          "language of the example files (default: the system's, else en)",
        ).choices(['zh', 'en']),
      ),
  )
    .addHelpText('after', '\nExample:\n  pcv init review-2026 --lang zh')
    .action(action('init'));

  sharedOptions(
    program
      .command('template')
      .description(
        'blank score sheets for each judge from the rubric and roster (.xlsx with cell validation, or CSV)',
      )
      .argument('[dir]', 'review folder (default: .)')
      .option('--judges <list>', 'comma list of judges; each gets <judge>.xlsx')
      .option('--judges-file <file>', 'file with one judge per line')
      .addOption(
        new Option('--format <format>', 'xlsx or csv').choices(['xlsx', 'csv']).default('xlsx'),
      )
      .option('-o, --out <dir>', 'output folder (default: <dir>/templates)')
      .option('--rubric <file>', 'rubric file (default: in the review folder)')
      .option('--roster <file>', 'project roster (default: projects.csv in the review folder)')
      .option(
        '--assignments <file>',
        "judge,project pairs: each sheet lists only its judge's projects (default: assignments.csv in the review folder)",
      )
      .addOption(
        new Option('--lang <lang>', "language of the sheets (default: the rubric's)").choices([
          'zh',
          'en',
        ]),
      )
      .option('--force', 'overwrite existing templates'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  pcv template --judges judge-a,judge-b,judge-c\n  pcv template review-2026 --judges-file judges.txt --format csv',
    )
    .action(action('template'));

  sharedOptions(
    program
      .command('verify')
      .description(
        're-tally the inputs named in a published results.json and confirm it still matches',
      )
      .argument('[dir]', 'review folder (default: .)')
      .option('--results <file>', 'the published results (default: <dir>/pcv-out/results.json)')
      .option('--fingerprint <hex>', 'also check the fingerprint printed on the announcement'),
    'print only differences',
  )
    .addHelpText(
      'after',
      '\nExamples:\n  pcv verify review-2022\n  pcv verify . --results published/results.json --fingerprint 3f2a9c0d1e4b5a6c\n\nExit codes: 0 verified; 1 differences found (each listed); 2 results.json missing or unreadable.',
    )
    .action(action('verify'));

  // Help and commander's errors come before any rubric is read: --lang or the system's language.
  if (chooseLang(langArg(argv), undefined, io?.env ?? process.env) === 'zh') {
    const { speakChinese } = await import('./text/help-zh.js');
    speakChinese(program);
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    // Said before any rubric is read, as the help is: in --lang's or the system's language.
    const lang = chooseLang(langArg(argv), undefined, io?.env ?? process.env);
    if (e instanceof PcvError) {
      err(`pcv: ${e.worded !== undefined ? wordProblem(e.worded, lang) : e.message}`);
      return e.exitCode;
    }
    const error = e as NodeJS.ErrnoException;
    if (debug) err(error.stack ?? String(e));
    else {
      const detail = error.code ? `${error.code}: ${error.message}` : error.message;
      // The catalogs load only here: a run that ends well never needs them in this module.
      const { messages } = await import('./text/index.js');
      err(`pcv: ${messages(lang).run.internalError(detail || String(e))}`);
    }
    return 2;
  }
}
