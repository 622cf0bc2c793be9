// Generates custom-elements.json from the elements' JSDoc: attributes, properties, events,
// parts, CSS properties and slots, for Storybook's controls and editors' completions.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/bundle.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
