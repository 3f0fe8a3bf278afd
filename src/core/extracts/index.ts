/** Record-level extracts: the compiler of extract definitions to SQL (README.md). */
export { type CompiledExtract, compileExtract, type ExtractSource } from './compile-extract.ts';
export { numberLiteral, quoteIdentifier, quoteLiteral } from './sql-quote.ts';
