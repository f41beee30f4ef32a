// A rule's messages, as ESLint keeps them: a catalogue of templates by message id, declared with the rule, and
// filled from a report's `data`. The templates are what a docs page shows and what tests name; the filled text is
// what users read.
import { own } from './own.js';

/** The values a report fills a message's placeholders with. */
export type MessageData = Readonly<Record<string, string | number>>;

/** A rule's message templates by id. A placeholder is `{name}`: the data value is inserted as it is (quotes, if the
 *  message wants them, are written in the template). */
export type MessageCatalogue = Readonly<Record<string, string>>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The template with every placeholder filled. A placeholder without a value is a bug in the rule: it throws (the
 *  engine turns that into the rule's internal-error finding), so a message never reaches a user with a hole in it. */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = own(data, name);
    if (value === undefined) throw new Error(`message placeholder {${name}} has no value`);
    return String(value);
  });
}
