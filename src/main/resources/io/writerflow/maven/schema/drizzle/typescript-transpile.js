// TypeScript to JavaScript with TypeScript's own compiler, as the plugin runs it under GraalJS, and under
// Node.js where the project has no esbuild: transpileModule strips types without checking them (as
// drizzle-kit's esbuild does), reports syntax errors, and maps the output back to the source.

/**
 * @param ts       the TypeScript compiler (typescript.js)
 * @param options  { experimentalDecorators } from the tsconfig.json governing the file
 * @returns {{code: string, map: string}} or {{error: {line, column, message}}}
 */
export function transpileTypeScript(ts, source, fileName, options) {
  const lower = fileName.toLowerCase();
  const result = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      // ES2022 runs on Node.js 20 and GraalJS as it is; decorators and `using` are lowered for both
      target: ts.ScriptTarget.ES2022,
      jsx: lower.endsWith(".tsx") ? ts.JsxEmit.React : undefined,
      experimentalDecorators: options.experimentalDecorators === true,
      useDefineForClassFields: true,
      isolatedModules: true,
      verbatimModuleSyntax: false,
      sourceMap: true,
      inlineSources: false,
    },
  });
  const error = (result.diagnostics || []).find((d) => d.category === ts.DiagnosticCategory.Error && d.file);
  if (error) {
    const position = error.file.getLineAndCharacterOfPosition(error.start);
    return {
      error: {
        line: position.line + 1,
        column: position.character + 1,
        message: ts.flattenDiagnosticMessageText(error.messageText, "\n"),
      },
    };
  }
  const map = JSON.parse(result.sourceMapText);
  map.sources = [fileName];
  map.sourceRoot = "";
  map.file = fileName;
  return { code: result.outputText.replace(/\/\/# sourceMappingURL=\S*\s*$/, ""), map: JSON.stringify(map) };
}
