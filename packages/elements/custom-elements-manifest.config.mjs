// Generates custom-elements.json from the elements' JSDoc: attributes, properties, events,
// parts, CSS properties and slots, for Storybook's controls and editors' completions.

/**
 * The analyzer also records what it cannot name: an event dispatched as `new JtSomeEvent(…)`
 * (already listed by name through `@fires`), and the lazy `customElements.define(SOME_TAG, …)`
 * of a nested element (its real definition is `define.ts`). Both would only confuse tooling.
 */
const dropUnnamed = {
  name: 'jt-users:drop-unnamed',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      module.exports = module.exports?.filter(
        (entry) => entry.kind !== 'custom-element-definition' || !/_TAG$/.test(entry.name),
      );
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/bundle.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [dropUnnamed],
};
