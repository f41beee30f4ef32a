// What the reader says about input it cannot turn into resources: a message catalogue per input rule (as a rule's
// `messages`, see util/messages.ts), kept here because the reader, not a rule, reports these. The input rules
// declare these catalogues as their own (rules/input/index.ts), so their docs pages list them.
import { formatMessage, type MessageData } from '../util/messages.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_DOCUMENTS_PER_FILE, MAX_KEYS_PER_MAPPING } from './limits.js';

const count = (n: number) => n.toLocaleString('en-US');

export const FILE_PROBLEM_MESSAGES = {
  'yaml-syntax': {
    syntaxError: 'YAML syntax error: {detail}. The whole document is skipped, so nothing in it was checked.',
    parserGaveUp: 'The YAML parser gave up on this file ({detail}); nothing in it was checked.',
    fileTooDeep: `This file nests more than ${MAX_DEPTH} levels deep (from line {line}); no Kubernetes object does, and such input is a known way to exhaust parsers. Nothing in it was checked.`,
    documentTooDeep: `This document is nested more than ${MAX_DEPTH} levels deep; no Kubernetes object is, and such input is a known way to exhaust parsers. The document is skipped.`,
    unresolvedAlias: 'The alias "*{alias}" refers to no anchor "&{alias}" defined before it. The document is skipped.',
    tooManyAliases: `It expands too many aliases (more than ${MAX_ALIAS_COUNT}; an "alias bomb" can take the API server down). The document is skipped.`,
    unreadableDocument: 'It cannot be read: {detail}. The document is skipped.',
    unreadableKustomization:
      'This kustomization cannot be read ({detail}): kustomize build fails, and nothing of {target} is applied.',
  },
  'duplicate-key': {
    duplicateKey:
      'Duplicate key: kubectl apply rejects this document ("mapping key already defined"). Keep one of the entries. {detail}',
  },
  'template-not-checked': {
    templateSyntax:
      'This file holds template syntax ({{ … }}), so it is not a manifest yet: render it and check the output. Not checked.',
  },
  'not-a-manifest': {
    notAnObject: 'This document is {what}, not a Kubernetes object; it is skipped.',
    listItemNotAnObject: 'Item {index} of this List is not a Kubernetes object; it is skipped.',
    noApiVersionOrKind:
      'This document has no usable {missing}, so it is not a Kubernetes object kubectl could apply; it is skipped.',
    noName: '{kind} without metadata.name: kubectl apply rejects it ("resource name may not be empty"). It is skipped.',
  },
  'unreadable-file': {
    notText: 'This file cannot be read as text; it is skipped.',
    cannotRead: 'This file cannot be read: {reason}',
    tooLarge:
      'This file is {mebibytes} MiB; a manifest that large cannot be applied (the API server limits a request to about 3 MiB), so it is not checked.',
    binary: 'This file is binary (it contains NUL bytes), not YAML; it is skipped.',
    notUtf8: 'This file is not valid UTF-8, so kubectl cannot read it as YAML; it is skipped.',
  },
  'input-too-large': {
    tooManyDocuments: `Input too large: this file holds more than ${count(MAX_DOCUMENTS_PER_FILE)} YAML documents (document ${count(MAX_DOCUMENTS_PER_FILE + 1)} starts here); no real manifest file does. Nothing in it was checked.`,
    tooManyKeys: `Input too large: a mapping here holds more than ${count(MAX_KEYS_PER_MAPPING)} keys (this is key ${count(MAX_KEYS_PER_MAPPING + 1)}); no Kubernetes object does. The document is skipped.`,
    runTooLarge:
      'Input too large: the manifest files of this run hold more than {mebibytes} MiB of YAML or {documents} documents together, far more than a real repository, so this file and the ones after it were not checked. Check smaller parts of the tree, or narrow the paths that are read.',
  },
} as const;

type FileProblemRule = keyof typeof FILE_PROBLEM_MESSAGES;
type MessageIdOf<R extends FileProblemRule> = keyof (typeof FILE_PROBLEM_MESSAGES)[R] & string;

/** Something wrong with a file or document before it is a resource at all: a message of its rule's catalogue, with
 *  its text filled in (the engine reports that text; tests match the id and data). */
export interface FileProblem {
  rule: FileProblemRule;
  messageId: string;
  data: MessageData;
  message: string;
  file: string;
  line: number;
  endLine: number;
}

/** A message of an input rule's catalogue with its data, before it is placed in a file (see InputFile.readProblem). */
export interface ProblemMessage<R extends FileProblemRule> {
  messageId: MessageIdOf<R>;
  data?: MessageData;
}

export function fileProblem<R extends FileProblemRule>(
  rule: R,
  { messageId, data = {} }: ProblemMessage<R>,
  at: { file: string; line: number; endLine?: number },
): FileProblem {
  const template = (FILE_PROBLEM_MESSAGES[rule] as Readonly<Record<string, string>>)[messageId]!;
  return {
    rule,
    messageId,
    data,
    message: formatMessage(template, data),
    file: at.file,
    line: at.line,
    endLine: at.endLine ?? at.line,
  };
}
