// @vitest-environment node
/**
 * The README's props reference against the components' own props types: every prop of every
 * exported component, and of the two Providers, has its row, so the tables cannot fall behind a
 * prop added in code. The types are read with the TypeScript compiler, from src/index.ts.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('../../', import.meta.url))
const readme = readFileSync(`${root}README.md`, 'utf8')
const section = readme.slice(
  readme.indexOf('## Props reference'),
  readme.indexOf('\n## ', readme.indexOf('## Props reference') + 1),
)

/** Each exported `…Props` type of the kit's entry, with the names of its props. */
function exportedProps(): Map<string, string[]> {
  const program = ts.createProgram([`${root}src/index.ts`], {
    strict: true,
    jsx: ts.JsxEmit.ReactJSX,
    skipLibCheck: true,
    noEmit: true,
  })
  const checker = program.getTypeChecker()
  const entry = program.getSourceFile(`${root}src/index.ts`)
  const moduleSymbol = entry && checker.getSymbolAtLocation(entry)
  if (!moduleSymbol) throw new Error('src/index.ts did not load')
  const props = new Map<string, string[]>()
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    if (!symbol.name.endsWith('Props')) continue
    const type = checker.getDeclaredTypeOfSymbol(
      symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol,
    )
    props.set(
      symbol.name,
      checker
        .getPropertiesOfType(type)
        .map((property) => property.name)
        .filter((name) => name !== 'children'),
    )
  }
  return props
}

it('has a row in the README props reference for every prop of every exported component', () => {
  const props = exportedProps()
  expect([...props.keys()]).toContain('APIKeysManagerProps')
  // A prop's row or entry starts a code span with its name: `name`, `name(args)`, `name: type`, `name = default`.
  const documented = (name: string): boolean => new RegExp(`\`${name}[\`(:= ]`).test(section)
  const missing = [...props].flatMap(([type, names]) =>
    names.filter((name) => !documented(name)).map((name) => `${type}.${name}`),
  )
  expect(missing).toEqual([])
}, 60_000)
