// ESLint's flat configuration for the dashboard's browser code (static/js) and its node tests
// (tests/js). Leaflet's vendored folder is not linted.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {ignores: ["static/leaflet-*/**", "static/vendor/**", "node_modules/**"]},
  js.configs.recommended,
  {
    // Plain scripts: inlined into the page or the map's frame by the Python side
    // (ui/text/browser_code.py), and loaded by node's test runner, which sees `module`.
    files: ["static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {...globals.browser, L: "readonly", module: "readonly"},
    },
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      eqeqeq: "error",
      strict: ["error", "function"],
      // ui/text/browser_code.py strips indentation and comment lines: no string may span
      // lines.
      "no-multi-str": "error",
      "no-restricted-syntax": ["error", {selector: "TemplateLiteral",
                                         message: "Use plain strings (see eslint.config.js)."}],
    },
  },
  {
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: {ecmaVersion: 2022, sourceType: "commonjs", globals: {...globals.node}},
  },
];
