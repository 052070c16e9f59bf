import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * Every refusal (a CONFLICT or FORBIDDEN domain exception) says what would make the request
 * succeed. Scans each `XException.conflict(...)` / `XException.forbidden(...)` call in libs/ and
 * asks its message for a remedy: a clause after a separator that tells the user what to do or
 * what the request needs. The e2e files of each domain check chosen messages word for word; this
 * catches the new refusal that only says "no".
 */
const ROOT = join(__dirname, '..', '..');
const REMEDY =
  /\b(ask|first|wait|needs?|must|only|use|give|sign in|apply|choose|record|admit|make|end|withdraw|request|edit|invite|nothing to|allowed|is for|upload|try|set|raise|remove|resend|list|reload|publish|once)\b/i;
/** "Already" refusals need no remedy: what the request wanted already holds. */
const ALREADY = /\balready\b/i;
const SEPARATOR = /[;:(]|, so |\bneeds?\b|\bonly\b/;

interface Refusal {
  where: string;
  message: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The literal text of a message argument: strings, templates (holes as `…`) and `a ? b : c`. */
function textOf(node: ts.Expression): string | undefined {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `…${span.literal.text}`).join('');
  if (ts.isParenthesizedExpression(node)) return textOf(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [left, right] = [textOf(node.left), textOf(node.right)];
    return left === undefined && right === undefined ? undefined : `${left ?? '…'}${right ?? '…'}`;
  }
  if (ts.isConditionalExpression(node)) {
    const [yes, no] = [textOf(node.whenTrue), textOf(node.whenFalse)];
    return yes !== undefined && no !== undefined ? `${yes} | ${no}` : (yes ?? no);
  }
  return undefined;
}

function refusalsIn(path: string): Refusal[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022);
  const found: Refusal[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ['conflict', 'forbidden'].includes(node.expression.name.text) &&
      /Exception$/.test(node.expression.expression.getText(source))
    ) {
      const receiver = node.expression.expression.getText(source);
      // CommonException.forbidden(message?) takes the message first; domain factories take a code
      // (and the catalog's a field name too): the message is the first argument that is a sentence.
      const candidates =
        receiver === 'CommonException' ? node.arguments.slice(0, 1) : node.arguments.slice(1);
      const message = candidates.map(textOf).find((text) => text?.includes(' '));
      if (message !== undefined) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ where: `${relative(ROOT, path)}:${line + 1}`, message });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('refusals name what would make them succeed', () => {
  const refusals = sourceFiles(join(ROOT, 'libs')).flatMap(refusalsIn);

  it('finds the refusals of every domain', () => {
    const domains = new Set(refusals.map((refusal) => refusal.where.split('/')[1]));
    expect([...domains].sort()).toEqual(
      expect.arrayContaining(['identity', 'incubation', 'marketplace', 'matching', 'retail']),
    );
    expect(refusals.length).toBeGreaterThan(40);
  });

  it('every CONFLICT and FORBIDDEN message says what to do or what it needs', () => {
    const silent = refusals.filter(
      ({ message }) => !ALREADY.test(message) && !(SEPARATOR.test(message) && REMEDY.test(message)),
    );
    expect(silent).toEqual([]);
  });
});
