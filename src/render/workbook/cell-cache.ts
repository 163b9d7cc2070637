import type { Style } from 'exceljs';
import type { Dec } from '../../core/decimal.js';

import { type CellSpec } from './writer.js';
import { text } from './style.js';

/*
 * A large sheet repeats a few cells many times: a judge's name, a comment, a score or total (the
 * results share one decimal object per value). Cells are only ever read, so each such cell is
 * built once and handed out again instead of a fresh object per row.
 */

type CellStyle = Partial<Style>;

/** Number cells of shared decimals, one per decimal and (shared) style. */
export class DecimalCells {
  private readonly byStyle = new Map<CellStyle, WeakMap<Dec, CellSpec>>();

  /** `convert` turns a decimal into the cell's number (exact, or rounded to some places). */
  constructor(private readonly convert: (value: Dec) => number) {}

  /** `style` already carries the number format (withFormat), so it is one shared object. */
  cell(value: Dec, style: CellStyle): CellSpec {
    let byValue = this.byStyle.get(style);
    if (byValue === undefined) this.byStyle.set(style, (byValue = new WeakMap()));
    let cell = byValue.get(value);
    if (cell === undefined) byValue.set(value, (cell = { value: this.convert(value), style }));
    return cell;
  }
}

/** Text cells in one style, one per distinct text. */
export class TextCells {
  private readonly byText = new Map<string | undefined, CellSpec>();

  constructor(private readonly style?: CellStyle) {}

  cell(value: string | undefined): CellSpec {
    let cell = this.byText.get(value);
    if (cell === undefined) this.byText.set(value, (cell = text(value, this.style)));
    return cell;
  }
}
