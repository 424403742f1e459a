import { parseArgs } from 'node:util';

/** A command line the program cannot take: the message says what was wrong and how to call it. */
export class UsageError extends Error {}

/**
 * The `--name=value` options of a command, strictly: a mistyped option or a stray word is refused rather than
 * ignored, since ignoring it would quietly use the default (another store, another port).
 */
export function stringOptions<Name extends string>(
  argv: readonly string[],
  names: readonly Name[],
  usage: string,
): Partial<Record<Name, string>> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    });
    return values as Partial<Record<Name, string>>;
  } catch (error) {
    // Node's own words, first sentence only ("Unknown option '--bogus'."), then how to call it.
    const said = (error instanceof Error ? error.message : String(error)).split('. ')[0]?.replace(/\.?$/, '.');
    throw new UsageError(`${said} ${usage}`);
  }
}
