/**
 * A small OData `$filter` parser and evaluator covering what Graph supports on the resources the
 * emulator serves: `eq ne lt gt le ge`, `startswith(prop,'x')`, `and`, `or`, `not`, parentheses.
 * String literals use OData quoting (`'O''Neill'`). Anything else is refused, never ignored.
 */
export type Literal = string | number | boolean | null;
export type CompareOp = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

export type FilterExpr =
  | { readonly kind: 'and' | 'or'; readonly left: FilterExpr; readonly right: FilterExpr }
  | { readonly kind: 'not'; readonly expr: FilterExpr }
  | { readonly kind: 'cmp'; readonly op: CompareOp; readonly prop: string; readonly value: Literal }
  | { readonly kind: 'startswith'; readonly prop: string; readonly value: Literal };

/** `syntax`: the clause does not parse (400). `unsupported`: valid OData the emulator does not implement (501). */
export class FilterError extends Error {
  constructor(
    readonly reason: 'syntax' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

type Token = { type: 'str'; text: string } | { type: 'word'; text: string } | { type: 'punct'; text: '(' | ')' | ',' };

const OPS = new Set(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);
const UNSUPPORTED_OPS = new Set(['has', 'in', 'add', 'sub', 'mul', 'div', 'mod']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) i++;
    else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: 'punct', text: c });
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterError('syntax', 'Unterminated string literal in $filter.');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ type: 'str', text: value });
    } else {
      const start = i;
      while (i < text.length && !/[\s(),']/.test(text[i] as string)) i++;
      tokens.push({ type: 'word', text: text.slice(start, i) });
    }
  }
  return tokens;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterExpr {
    const expr = this.or();
    if (this.at < this.tokens.length) throw new FilterError('syntax', `Unexpected '${this.tokens[this.at]?.text}' in $filter.`);
    return expr;
  }

  private peekWord(): string | undefined {
    const token = this.tokens[this.at];
    return token?.type === 'word' ? token.text.toLowerCase() : undefined;
  }

  private or(): FilterExpr {
    let left = this.and();
    while (this.peekWord() === 'or') {
      this.at++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpr {
    let left = this.unary();
    while (this.peekWord() === 'and') {
      this.at++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterExpr {
    if (this.peekWord() === 'not') {
      this.at++;
      return { kind: 'not', expr: this.unary() };
    }
    return this.primary();
  }

  private expect(text: '(' | ')' | ','): void {
    const token = this.tokens[this.at++];
    if (token?.type !== 'punct' || token.text !== text) throw new FilterError('syntax', `Expected '${text}' in $filter.`);
  }

  private primary(): FilterExpr {
    const token = this.tokens[this.at++];
    if (!token) throw new FilterError('syntax', 'The $filter clause ended too early.');
    if (token.type === 'punct' && token.text === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (token.type !== 'word') throw new FilterError('syntax', `Unexpected '${token.text}' in $filter.`);
    const next = this.tokens[this.at];
    if (next?.type === 'punct' && next.text === '(') {
      const name = token.text.toLowerCase();
      if (name !== 'startswith') throw new FilterError('unsupported', `The function '${token.text}' is not supported in $filter.`);
      this.at++;
      const prop = this.property();
      this.expect(',');
      const value = this.literal();
      this.expect(')');
      return { kind: 'startswith', prop, value };
    }
    const prop = token.text;
    const op = this.peekWord();
    if (op && UNSUPPORTED_OPS.has(op)) throw new FilterError('unsupported', `The operator '${op}' is not supported in $filter.`);
    if (!op || !OPS.has(op)) throw new FilterError('syntax', `Expected a comparison operator after '${prop}' in $filter.`);
    this.at++;
    return { kind: 'cmp', op: op as CompareOp, prop, value: this.literal() };
  }

  private property(): string {
    const token = this.tokens[this.at++];
    if (token?.type !== 'word') throw new FilterError('syntax', 'Expected a property name in $filter.');
    return token.text;
  }

  private literal(): Literal {
    const token = this.tokens[this.at++];
    if (!token || token.type === 'punct') throw new FilterError('syntax', 'Expected a value in $filter.');
    if (token.type === 'str') return token.text;
    const word = token.text;
    if (word === 'null') return null;
    if (word === 'true' || word === 'false') return word === 'true';
    if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
    if (ISO_INSTANT.test(word)) return word;
    throw new FilterError('syntax', `'${word}' is not a valid value in $filter (quote strings: 'text').`);
  }
}

/** @throws FilterError for a clause that does not parse or uses what the emulator does not implement. */
export function parseFilter(text: string): FilterExpr {
  return new Parser(tokenize(text)).parse();
}

/** Every property the expression references, in order. */
export function filterProps(expr: FilterExpr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return [...filterProps(expr.left), ...filterProps(expr.right)];
    case 'not':
      return filterProps(expr.expr);
    default:
      return [expr.prop];
  }
}

/** How one resource exposes comparable values: strings lower-cased, dates as epoch milliseconds, etc. */
export interface FilterSubject {
  value(prop: string): unknown;
  /** The literal converted to the same comparable form as `value(prop)`. */
  literal(prop: string, value: Literal): unknown;
}

export function evaluateFilter(expr: FilterExpr, subject: FilterSubject): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluateFilter(expr.left, subject) && evaluateFilter(expr.right, subject);
    case 'or':
      return evaluateFilter(expr.left, subject) || evaluateFilter(expr.right, subject);
    case 'not':
      return !evaluateFilter(expr.expr, subject);
    case 'startswith': {
      const actual = subject.value(expr.prop);
      const wanted = subject.literal(expr.prop, expr.value);
      return typeof actual === 'string' && typeof wanted === 'string' && actual.toLowerCase().startsWith(wanted.toLowerCase());
    }
    case 'cmp':
      return compare(expr.op, subject.value(expr.prop), subject.literal(expr.prop, expr.value));
  }
}

function compare(op: CompareOp, actual: unknown, wanted: unknown): boolean {
  const a = actual === undefined || actual === '' ? null : actual;
  if (a === null || wanted === null) {
    if (op === 'eq') return a === wanted;
    if (op === 'ne') return a !== wanted;
    return false;
  }
  const x = typeof a === 'string' ? a.toLowerCase() : a;
  const y = typeof wanted === 'string' ? wanted.toLowerCase() : wanted;
  if (op === 'eq') return x === y;
  if (op === 'ne') return x !== y;
  if (typeof x !== typeof y) return false;
  const order = (x as number | string) < (y as number | string) ? -1 : x === y ? 0 : 1;
  return op === 'lt' ? order < 0 : op === 'gt' ? order > 0 : op === 'le' ? order <= 0 : order >= 0;
}
