// A manifest file's text, with what is needed to turn offsets into lines and to write lines back
// exactly as they were (line ending, byte-order mark).

export interface SourceFile {
  /** The path as the user gave it (relative paths stay relative): findings report it verbatim. */
  path: string;
  /** Text without the byte-order mark. */
  text: string;
  hasBom: boolean;
  eol: '\n' | '\r\n';
  /** Where the text's lines start (shared by copies of this object that only rename the path). */
  lineStarts: LineStarts;
}

/** Offsets where lines start, found on first use: most files never need a line (only those with a finding do). */
export class LineStarts {
  #text: string | null;
  #starts: Uint32Array | null = null;

  constructor(text: string) {
    this.#text = text;
  }

  /** 1-based line of a character offset within the text (0 … text.length). */
  lineAt(offset: number): number {
    const starts = this.#startsOnce();
    // How many lines start at or before the offset (starts[0] is 0).
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  #startsOnce(): Uint32Array {
    if (this.#starts) return this.#starts;
    const text = this.#text!;
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Uint32Array(count);
    for (let n = 1, i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    this.#text = null; // the SourceFile holds it
    return (this.#starts = starts);
  }
}

export function makeSourceFile(path: string, raw: string): SourceFile {
  const hasBom = raw.charCodeAt(0) === 0xfeff;
  const text = hasBom ? raw.slice(1) : raw;
  const firstNl = text.indexOf('\n');
  const eol = firstNl > 0 && text[firstNl - 1] === '\r' ? '\r\n' : '\n';
  return { path, text, hasBom, eol, lineStarts: new LineStarts(text) };
}

/** 1-based line of a character offset. */
export function lineOf(src: SourceFile, offset: number): number {
  return src.lineStarts.lineAt(Math.max(0, Math.min(offset, src.text.length)));
}

/** The file's lines without their line endings. */
export function linesOf(src: SourceFile): string[] {
  return src.text.split(/\r?\n/);
}
