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

/**
 * Lit's internal reactive state (`static properties = { name: { state: true } }`) has no
 * attribute, but the analyzer gives one to every static property without `attribute: false`.
 * Runs after the analyzer's own Lit handling of the same class.
 */
const stateHasNoAttribute = {
  name: 'jt-users:state-has-no-attribute',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    const declaration = moduleDoc.declarations?.find((entry) => entry.name === node.name.text);
    const properties = node.members.find(
      (member) =>
        ts.isPropertyDeclaration(member) &&
        member.name.getText() === 'properties' &&
        member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
    )?.initializer;
    if (!declaration || !properties || !ts.isObjectLiteralExpression(properties)) return;
    for (const property of properties.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
      const isState = property.initializer.properties.some(
        (option) =>
          ts.isPropertyAssignment(option) &&
          option.name.getText() === 'state' &&
          option.initializer.kind === ts.SyntaxKind.TrueKeyword,
      );
      if (!isState) continue;
      const name = property.name.getText();
      declaration.attributes = declaration.attributes?.filter((attribute) => attribute.fieldName !== name);
      const member = declaration.members?.find((entry) => entry.name === name);
      if (member) delete member.attribute;
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/bundle.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [dropUnnamed, stateHasNoAttribute],
};
