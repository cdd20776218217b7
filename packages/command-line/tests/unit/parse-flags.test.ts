import { HELP_FLAG, parseFlags, UsageError, type FlagTable } from '../../src/index';

const FLAGS = {
  rate: { type: 'string', value: 'n', description: 'operations per second', defaultText: '10' },
  table: { type: 'string', value: 'name', description: 'table' },
  'dry-run': { type: 'boolean', description: 'write nothing' },
  help: HELP_FLAG,
} as const satisfies FlagTable;

const usageMessage = (argv: string[], maxPositionals = 0): string => {
  try {
    parseFlags(FLAGS, argv, { maxPositionals });
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`no usage error for ${JSON.stringify(argv)}`);
};

describe('parseFlags', () => {
  it('returns typed values for string and boolean flags, long, inline and short', () => {
    const { values, positionals } = parseFlags(FLAGS, ['--rate', '5', '--table=orders', '--dry-run', '-h']);
    expect(values).toEqual({ rate: '5', table: 'orders', 'dry-run': true, help: true });
    expect(positionals).toEqual([]);
  });

  it('keeps a value that starts with a dash but holds whitespace, such as SQL opening with a comment', () => {
    const sql = '-- current state\nSELECT 1';
    expect(parseFlags(FLAGS, ['--rate', sql, '--dry-run']).values).toEqual({ rate: sql, 'dry-run': true });
  });

  it('keeps a negative number as the value, for the validator to judge', () => {
    expect(parseFlags(FLAGS, ['--rate', '-5', '--dry-run']).values).toEqual({ rate: '-5', 'dry-run': true });
    expect(parseFlags(FLAGS, ['--rate', '-.5']).values).toEqual({ rate: '-.5' });
    expect(parseFlags(FLAGS, ['--rate=-1']).values).toEqual({ rate: '-1' });
  });

  test.each([
    [['--frobnicate'], 'unknown flag --frobnicate'],
    [['-x'], 'unknown flag -x'],
    [['--rate'], '--rate needs a value <n>'],
    [['--table', '--dry-run'], '--table needs a value <name>, received the flag "--dry-run"'],
    [['--dry-run=yes'], '--dry-run takes no value, received "yes"'],
    [['stray'], 'unexpected argument "stray"'],
    [['--constructor'], 'unknown flag --constructor'],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(usageMessage(argv)).toBe(message);
  });

  it('allows as many positionals as asked, and says when there are too many', () => {
    expect(parseFlags(FLAGS, ['minor', '--dry-run'], { maxPositionals: 1 }).positionals).toEqual(['minor']);
    expect(usageMessage(['minor', 'major'], 1)).toBe('too many arguments, received "major"');
  });

  it('treats everything after -- as positionals', () => {
    expect(parseFlags(FLAGS, ['--', '--rate'], { maxPositionals: 1 }).positionals).toEqual(['--rate']);
  });
});
