/**
 * A reader of Step Functions intrinsic function calls, written from the documentation and independent of the code
 * that builds them, so a test can evaluate `States.Format(...)` as Step Functions would: string arguments in single
 * quotes, where `'`, `{`, `}` and `\` are escaped with a backslash; JSONPath arguments; nested calls.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */

/** One argument of a call. */
export type IntrinsicArgument =
  | { readonly kind: 'string'; readonly raw: string }
  | { readonly kind: 'path'; readonly path: string }
  | { readonly kind: 'call'; readonly call: IntrinsicCall };

/** A call: its name and arguments. */
export interface IntrinsicCall {
  readonly name: string;
  readonly args: readonly IntrinsicArgument[];
}

/** Parses `States.Name(arg, …)`; throws on anything else. */
export function parseIntrinsic(text: string): IntrinsicCall {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at} of ${JSON.stringify(text)}`);
  };
  const skipSpaces = () => {
    while (text[at] === ' ') at += 1;
  };
  const call = (): IntrinsicCall => {
    const name = /^States\.[A-Za-z]+/.exec(text.slice(at))?.[0] ?? fail('expected a States. function');
    at += name.length;
    if (text[at] !== '(') fail('expected (');
    at += 1;
    const args: IntrinsicArgument[] = [];
    skipSpaces();
    while (text[at] !== ')') {
      args.push(argument());
      skipSpaces();
      if (text[at] === ',') {
        at += 1;
        skipSpaces();
      } else if (text[at] !== ')') fail('expected , or )');
    }
    at += 1;
    return { name, args };
  };
  const argument = (): IntrinsicArgument => {
    if (text[at] === "'") {
      let raw = '';
      at += 1;
      while (text[at] !== "'") {
        if (at >= text.length) fail('unterminated string');
        if (text[at] === '\\') {
          raw += text.slice(at, at + 2);
          at += 2;
        } else {
          raw += text[at];
          at += 1;
        }
      }
      at += 1;
      return { kind: 'string', raw };
    }
    if (text[at] === '$') {
      const path = /^\$\$?[^,) ]*/.exec(text.slice(at))![0];
      at += path.length;
      return { kind: 'path', path };
    }
    return { kind: 'call', call: call() };
  };
  const result = call();
  if (at !== text.length) fail('trailing text');
  return result;
}

/** The placeholders `{}` of a `States.Format` template (escaped braces are text). */
export function placeholderCount(raw: string): number {
  let count = 0;
  for (let at = 0; at < raw.length; at += 1) {
    if (raw[at] === '\\') at += 1;
    else if (raw.startsWith('{}', at)) count += 1;
  }
  return count;
}

/** Resolves a reference path such as `$.a.b[0].c` against a state's input. */
export function resolvePath(path: string, input: unknown): unknown {
  const steps = path.replace(/^\$/, '').match(/\.[^.[]+|\[\d+\]/g) ?? [];
  let value: unknown = input;
  for (const step of steps) {
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1);
    value = (value as Record<string | number, unknown> | undefined)?.[key];
  }
  if (value === undefined) throw new Error(`path ${path} is not in the input`);
  return value;
}

/** Evaluates `States.Format` (and `States.JsonToString`) as Step Functions would. */
export function evaluateIntrinsic(call: IntrinsicCall, input: unknown): string {
  const value = (arg: IntrinsicArgument): string => {
    if (arg.kind === 'path') {
      const resolved = resolvePath(arg.path, input);
      return typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
    }
    if (arg.kind === 'call') return evaluateIntrinsic(arg.call, input);
    return arg.raw.replace(/\\(.)/g, '$1');
  };
  if (call.name === 'States.JsonToString')
    return JSON.stringify(resolvePath((call.args[0] as { path: string }).path, input));
  if (call.name !== 'States.Format') throw new Error(`cannot evaluate ${call.name}`);
  const [template, ...args] = call.args;
  if (template?.kind !== 'string') throw new Error('States.Format needs a template string');
  if (placeholderCount(template.raw) !== args.length)
    throw new Error(`${placeholderCount(template.raw)} placeholders for ${args.length} arguments`);
  let out = '';
  let next = 0;
  for (let at = 0; at < template.raw.length; at += 1) {
    if (template.raw[at] === '\\') {
      at += 1;
      out += template.raw[at];
    } else if (template.raw.startsWith('{}', at)) {
      out += value(args[next]!);
      next += 1;
      at += 1;
    } else out += template.raw[at];
  }
  return out;
}
