/** A JSON number, kept as the text the row holds (a double would hide digits Athena sees). */
export class JsonNumber {
  /** @param text - the number exactly as written */
  constructor(readonly text: string) {}
}

/** A JSON value with numbers as {@link JsonNumber} and objects as their members in order (duplicates kept). */
export type RawJson = null | boolean | string | JsonNumber | RawJson[] | RawObject;

/** A JSON object's members, in order, duplicates kept (the SerDe rejects some duplicates). */
export class RawObject {
  /** @param members - `[key, value]` pairs as written */
  constructor(readonly members: readonly (readonly [string, RawJson])[]) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/**
 * Parse one JSON text, keeping every number's text and every object member (the built-in
 * `JSON.parse` rounds numbers to doubles and keeps only the last of duplicate keys, both of which
 * hide what Athena's OpenX JSON SerDe would see).
 *
 * @param text - one row line
 * @returns the value
 * @throws SyntaxError when `text` is not JSON
 * @example
 * ```ts
 * parseRawJson('{"total":12.50}'); //=> RawObject { members: [['total', JsonNumber { text: '12.50' }]] }
 * ```
 */
export function parseRawJson(text: string): RawJson {
  let at = 0;
  const skip = (): void => {
    WHITESPACE.lastIndex = at;
    WHITESPACE.exec(text);
    at = WHITESPACE.lastIndex;
  };
  const fail = (): never => {
    throw new SyntaxError(`not JSON at character ${at}`);
  };
  const stringAt = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    if (at >= text.length) fail();
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (): RawJson => {
    skip();
    const char = text[at];
    if (char === '"') return stringAt();
    if (char === '{') {
      at++;
      const members: [string, RawJson][] = [];
      skip();
      if (text[at] === '}') {
        at++;
        return new RawObject(members);
      }
      for (;;) {
        skip();
        if (text[at] !== '"') fail();
        const key = stringAt();
        skip();
        if (text[at++] !== ':') fail();
        members.push([key, value()]);
        skip();
        if (text[at] === ',') at++;
        else if (text[at++] === '}') return new RawObject(members);
        else fail();
      }
    }
    if (char === '[') {
      at++;
      const items: RawJson[] = [];
      skip();
      if (text[at] === ']') {
        at++;
        return items;
      }
      for (;;) {
        items.push(value());
        skip();
        if (text[at] === ',') at++;
        else if (text[at++] === ']') return items;
        else fail();
      }
    }
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return result;
      }
    }
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text) ?? fail();
    at = NUMBER.lastIndex;
    return new JsonNumber(match[0]);
  };
  const result = value();
  skip();
  if (at !== text.length) fail();
  return result;
}
