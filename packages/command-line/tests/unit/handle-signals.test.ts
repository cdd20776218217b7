import { ExitCode, handleSignals } from '../../src/index';

const capture = (): { text: string; write(chunk: string): void } => ({
  text: '',
  write(chunk) {
    this.text += chunk;
  },
});

describe('handleSignals', () => {
  test.each([
    ['SIGINT', ExitCode.interrupted, /tool: interrupted \(SIGINT\); draining \(Ctrl-C again to exit now\)/],
    ['SIGTERM', ExitCode.terminated, /tool: terminated \(SIGTERM\); draining \(signal again to exit now\)/],
  ] as const)('%s aborts the signal, says so once and ends in %i', (name, code, notice) => {
    // Arrange
    const stderr = capture();
    const seen: string[] = [];
    const signals = handleSignals({
      bin: 'tool',
      draining: 'draining',
      stderr,
      onSignal: (signal) => seen.push(signal),
      exit: () => undefined,
    });
    try {
      expect(signals.exitCode()).toBeUndefined();
      // Act
      process.emit(name);
      // Assert
      expect(signals.signal.aborted).toBe(true);
      expect(signals.signal.reason).toBe(name);
      expect(signals.exitCode()).toBe(code);
      expect(seen).toEqual([name]);
      expect(stderr.text).toMatch(notice);
    } finally {
      signals.dispose();
    }
  });

  it("exits at once, with the first signal's code, on a second signal", () => {
    const exits: number[] = [];
    const stderr = capture();
    const signals = handleSignals({ bin: 'tool', draining: 'draining', stderr, exit: (code) => exits.push(code) });
    try {
      process.emit('SIGTERM');
      process.emit('SIGINT');
      expect(exits).toEqual([ExitCode.terminated]);
      expect(stderr.text.match(/terminated/g)).toHaveLength(1);
    } finally {
      signals.dispose();
    }
  });

  it('removes its listeners on dispose', () => {
    const before = process.listenerCount('SIGTERM');
    handleSignals({ bin: 'tool', draining: 'draining', stderr: capture() }).dispose();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
