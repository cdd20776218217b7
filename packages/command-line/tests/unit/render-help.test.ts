import { formatUsageError, HELP_FLAG, renderHelp, UsageError, VERSION_FLAG } from '../../src/index';

describe('renderHelp', () => {
  it('shows usage, every flag with its alias, placeholder and default, and the exit codes', () => {
    const text = renderHelp({
      usage: ['tool --rate <n>', 'tool --help'],
      description: ['Does one thing.'],
      flags: {
        rate: { type: 'string', value: 'n', description: 'per second', defaultText: '10' },
        help: HELP_FLAG,
        version: VERSION_FLAG,
      },
      exitCodes: [0, 2],
      sections: ['Examples:\n  tool --rate 5'],
    });
    expect(text).toBe(
      [
        'Usage: tool --rate <n>',
        '       tool --help',
        '',
        'Does one thing.',
        '',
        'Options:',
        '      --rate <n>            per second [default: 10]',
        '  -h, --help                show this help and exit',
        '      --version             print the version and exit',
        '',
        'Exit codes:',
        '  0    success',
        '  2    usage error: a bad flag or value; nothing was done',
        '',
        'Examples:',
        '  tool --rate 5',
        '',
      ].join('\n'),
    );
  });
});

describe('formatUsageError', () => {
  it('prefixes the program and points at --help', () => {
    expect(formatUsageError('sales-lake', new UsageError('--rate must be a positive number, received "-5"'))).toBe(
      'sales-lake: --rate must be a positive number, received "-5" (see --help)\n',
    );
  });
});
