/**
 * The command blocks of a Markdown page, read so a test can run each command exactly as written and check what the
 * text says it prints.
 *
 * A fenced block whose info string is `sh` is run. Its lines:
 * - `command …`: one command (a line ending in `\` continues it); a page's commands run in one bash session from the
 *   repository root, as a reader types them into one terminal; one ending in `&` starts a service in the background;
 * - `# exit N` or `# exit N: "text" … "more"` on the line after a command: the exit code it must end with and text its
 *   output (stdout and stderr) must contain, each quoted part in order (a `…` inside quotes skips any text). Without
 *   such a line the command must exit 0;
 * - any other `# …` line is prose.
 * A block that cannot run on one machine says why in its info string: `sh aws` (needs an AWS account).
 */

/** What a command must end with. */
export interface DocExpectation {
  readonly exitCode: number;
  /** Texts the output must contain; each text's parts (split at `…`) in order. */
  readonly prints: readonly (readonly string[])[];
}

/** One command of a block. */
export interface DocCommand {
  /** Line of the page where it starts (1-based). */
  readonly line: number;
  /** The command as written (continuations joined with newlines, as bash reads them). */
  readonly text: string;
  /** Ends in `&`: started in the background, stopped when the page's commands are done. */
  readonly background: boolean;
  readonly expect: DocExpectation;
}

/** One fenced shell block. */
export interface DocBlock {
  readonly line: number;
  /** The word after `sh` in the info string (`aws`), when the block is not run. */
  readonly tag: string | undefined;
  readonly commands: readonly DocCommand[];
}

const FENCE = /^```(\w*)\s*(\w*)\s*$/;
const EXPECTATION = /^# exit (\d+)(?::\s*(.*))?$/;

/** The quoted texts of an expectation, each split at `…`. */
function quotedTexts(text: string | undefined): string[][] {
  return [...(text ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) =>
    (match[1] ?? '')
      .split('…')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  );
}

/**
 * Reads every `sh` block of a page.
 *
 * @param markdown - The page.
 * @returns The blocks in page order; blocks of other languages are left out.
 * @throws Error for an expectation line with no command before it.
 * @example
 * ```ts
 * readDocBlocks('```sh\nnpm run local\n# exit 1: "NOT equal"\n```\n')[0].commands[0].expect;
 * //=> { exitCode: 1, prints: [['NOT equal']] }
 * ```
 */
export function readDocBlocks(markdown: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = FENCE.exec(lines[index] ?? '');
    if (open === null || open[1] === '') continue;
    const start = index;
    const body: string[] = [];
    for (index += 1; index < lines.length && !(lines[index] ?? '').startsWith('```'); index += 1)
      body.push(lines[index] ?? '');
    if (open[1] !== 'sh' && open[1] !== 'bash') continue;
    blocks.push({
      line: start + 1,
      tag: open[2] === '' ? undefined : open[2],
      commands: readCommands(body, start + 2),
    });
  }
  return blocks;
}

function readCommands(body: readonly string[], firstLine: number): DocCommand[] {
  const commands: { line: number; text: string; expect: DocExpectation }[] = [];
  for (let index = 0; index < body.length; index += 1) {
    const line = (body[index] ?? '').trimEnd();
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const expectation = EXPECTATION.exec(line);
      if (expectation === null) continue;
      const last = commands.at(-1);
      if (last === undefined) throw new Error(`line ${firstLine + index}: "# exit" with no command before it`);
      last.expect = { exitCode: Number(expectation[1]), prints: quotedTexts(expectation[2]) };
      continue;
    }
    const start = index;
    const parts = [line];
    while ((body[index] ?? '').trimEnd().endsWith('\\') && index + 1 < body.length) {
      index += 1;
      parts.push((body[index] ?? '').trimEnd());
    }
    commands.push({ line: firstLine + start, text: parts.join('\n'), expect: { exitCode: 0, prints: [] } });
  }
  return commands.map((command) => ({
    ...command,
    background: /&\s*(#.*)?$/.test(command.text) && !/&&\s*(#.*)?$/.test(command.text),
  }));
}

/**
 * Whether output shows each expected text, its parts in order.
 *
 * @param output - stdout and stderr.
 * @param parts - One expected text, split at `…`.
 * @returns True when every part appears, each after the one before.
 * @example
 * ```ts
 * showsInOrder('a lake NOT equal to the table', ['lake', 'equal']); //=> true
 * ```
 */
export function showsInOrder(output: string, parts: readonly string[]): boolean {
  let from = 0;
  for (const part of parts) {
    const at = output.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
