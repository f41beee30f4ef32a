// A manifest file's text, with what is needed to turn offsets into lines and to write lines back
// exactly as they were (line ending, byte-order mark).
import { LineCounter } from 'yaml';

export interface SourceFile {
  /** The path as the user gave it (relative paths stay relative): findings report it verbatim. */
  path: string;
  /** Text without the byte-order mark. */
  text: string;
  hasBom: boolean;
  eol: '\n' | '\r\n';
  lineCounter: LineCounter;
}

export function makeSourceFile(path: string, raw: string): SourceFile {
  const hasBom = raw.charCodeAt(0) === 0xfeff;
  const text = hasBom ? raw.slice(1) : raw;
  const firstNl = text.indexOf('\n');
  const eol = firstNl > 0 && text[firstNl - 1] === '\r' ? '\r\n' : '\n';
  const lineCounter = new LineCounter();
  // Register line starts up front so lookups work even when the parser gives up early.
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return { path, text, hasBom, eol, lineCounter };
}

/** 1-based line of a character offset. */
export function lineOf(src: SourceFile, offset: number): number {
  return src.lineCounter.linePos(Math.max(0, Math.min(offset, src.text.length))).line;
}

/** The file's lines without their line endings. */
export function linesOf(src: SourceFile): string[] {
  return src.text.split(/\r?\n/);
}
