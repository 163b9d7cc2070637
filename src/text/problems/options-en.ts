import type { FamilyWords } from '../problems.js';
import type { OptionProblems } from './options.js';

const WHY = {
  full: 'the disk is full',
  denied: 'permission denied',
  'in-the-way': 'a file is in the way of the folder',
};

export function optionsEn(): FamilyWords<OptionProblems> {
  return {
    'option-threshold': (p) => `--threshold ${p.value}: must be a number from 0 to 100`,
    'option-aggregate': (p) => `--aggregate ${p.value}: must be one of ${p.choices.join(', ')}`,
    'option-trim': (p) => `--trim ${p.value}: must be a whole number >= 0`,
    'option-decimals': (p) => `--decimals ${p.value}: must be from 0 to 6`,
    'option-normalize': (p) => `--normalize ${p.value}: must be none, zscore or offset`,
    'option-lang': (p) => `--lang ${p.value}: must be zh or en`,
    'format-unknown': (p) =>
      `--format ${p.list}: "${p.part}" is not one of ${p.formats.join(', ')}`,
    'format-empty': (p) => `--format: name at least one of ${p.formats.join(', ')}`,
    'template-format': (p) => `--format ${p.value}: must be xlsx or csv`,
    'write-failed': (p) =>
      `cannot write the reports into ${p.dir}: ${
        p.why === 'locked'
          ? `another pcv run is still writing there (${p.detail})`
          : p.why === 'other'
            ? p.detail
            : WHY[p.why]
      }; the previous reports, if any, are unchanged`,
    'out-is-input': (p) => `--out ${p.dir}: this is an input file`,
    'out-is-sheets': (p) =>
      `--out ${p.dir}: this is the score sheets' folder; choose another output folder`,
    'init-exists': (p) =>
      `${p.files.join(', ')} already exist${p.files.length === 1 ? 's' : ''}; nothing was changed (use --force to overwrite)`,
    'template-no-roster': (p) =>
      `no ${p.file}: templates list the roster's projects; create it or pass --roster FILE`,
    'template-unassigned': (p) => `judge "${p.judge}" is assigned no project in ${p.file}`,
    'template-exists': (p) =>
      `${p.files.join(', ')} already exist; nothing was written (use --force to overwrite)`,
    'judges-file': (p) => `${p.file}: cannot read the judges file`,
    'judges-missing': () => 'name the judges: --judges judge-a,judge-b or --judges-file FILE',
    'judge-name': (p) =>
      `judge "${p.name}": not usable as a file name; use letters, digits, "-" or "_"`,
    'judge-twice': (p) => `judge "${p.name}" is named twice`,
    'published-missing': (p) =>
      `${p.file}: no published results here; name them with --results FILE`,
    'published-json': (p) => `${p.file}: not valid JSON`,
    'published-schema': (p) =>
      `${p.file}: not a pcv results.json (schemaVersion 1)${p.key !== undefined ? ` (${p.key}: ${p.message})` : ''}`,
    'font-unreadable': (p) => `cannot read the font ${p.file}${p.code ? ` (${p.code})` : ''}`,
    'font-changed': (p) =>
      `the font ${p.file} changed while the PDF was being drawn; run pcv again`,
    'font-unusable': (p) => `${p.file}: not a usable TrueType/OpenType font (${p.detail})`,
  };
}
