// Prettier for the repository, set to the code as it is written: single quotes, semicolons, trailing
// commas, long lines (180 changes the fewest files). JSON wraps sooner, expanded as WeChat DevTools writes it.
/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
  printWidth: 180,
  overrides: [{ files: '*.json', options: { printWidth: 120 } }],
};
