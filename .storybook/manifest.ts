/**
 * The elements' custom-elements.json, shaped for Storybook's controls and docs tables, which key
 * every entry by its name alone (a later category overwrites an earlier one of the same name):
 *
 * - only the public API: private and protected members (`#field`, `@state`) are internals;
 * - one row per property: an attribute that only mirrors a public property is folded into that
 *   property's description, so controls bind to the camelCase names the stories' args use;
 * - parts are named `::part(name)`, so a part cannot hide a property of the same name
 *   (the dialog's `heading`, the table's `search`);
 * - the default slot, which the manifest names `""` and Storybook would drop for having no
 *   name, is named `(default)`.
 */

interface Named {
  name?: string;
  description?: string;
}

interface Member extends Named {
  kind: string;
  privacy?: string;
  static?: boolean;
}

interface Attribute extends Named {
  fieldName?: string;
}

interface Declaration {
  kind: string;
  tagName?: string;
  members?: Member[];
  attributes?: Attribute[];
  cssParts?: Named[];
  slots?: Named[];
}

interface Manifest {
  modules: Array<{ declarations?: Declaration[] }>;
}

/** The analyzer writes `privacy: "public"` on declared properties, and no privacy on others. */
function isPublic(member: Member): boolean {
  return (member.privacy ?? 'public') === 'public' && !member.static && !member.name?.startsWith('#');
}

function forStorybookElement(declaration: Declaration): Declaration {
  if (declaration.tagName === undefined) return declaration;
  const members = (declaration.members ?? []).filter(isPublic);
  const publicFields = new Set(members.map((member) => member.name));
  const attributes = declaration.attributes ?? [];
  const attributeOf = new Map(attributes.map((attribute) => [attribute.fieldName, attribute.name]));
  return {
    ...declaration,
    members: members.map((member) => {
      const attribute = attributeOf.get(member.name);
      if (attribute === undefined) return member;
      const description = [member.description, `Attribute: \`${attribute}\`.`].filter(Boolean).join('\n\n');
      return { ...member, description };
    }),
    attributes: attributes.filter((attribute) => !publicFields.has(attribute.fieldName)),
    cssParts: declaration.cssParts?.map((part) => ({ ...part, name: `::part(${part.name})` })),
    slots: declaration.slots?.map((slot) => (slot.name ? slot : { ...slot, name: '(default)' })),
  };
}

/** A copy of `manifest` for `setCustomElementsManifest` (see the module comment). */
export function forStorybook(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map(forStorybookElement),
    })),
  };
}
