/**
 * Hostile strings, as data: each one tries to run `__xss.push(n)` in the page if it were ever
 * treated as markup, a URL or code instead of text. The hostile-data suite puts every vector into
 * names, emails and error details; the reliability report counts them from here.
 */

/** What kind of attack a vector stands for (the report groups them by kind). */
export type VectorKind =
  | 'script'
  | 'event-handler'
  | 'javascript-url'
  | 'svg'
  | 'broken-markup'
  | 'template'
  | 'attribute-breaking'
  | 'long'
  | 'bidi';

/** One vector: `text(call)` embeds `call` (e.g. `__xss.push(7)`) where it would run. */
export interface HostileVector {
  kind: VectorKind;
  text: (call: string) => string;
}

const LONG_WORD = 'W'.repeat(4000);
const LONG_WORDS = Array.from({ length: 400 }, (_, index) => `word${index}`).join(' ');

const vectors: HostileVector[] = [
  // ---- script elements ----------------------------------------------------------------------
  { kind: 'script', text: (c) => `<script>${c}</script>` },
  { kind: 'script', text: (c) => `<SCRIPT>${c}</SCRIPT>` },
  { kind: 'script', text: (c) => `<script src="data:text/javascript,${c}"></script>` },
  { kind: 'script', text: (c) => `<<script>${c};//<</script>` },
  { kind: 'script', text: (c) => `<scr<script>ipt>${c}</scr</script>ipt>` },
  { kind: 'script', text: (c) => `\u0000<script>${c}</script>` },
  { kind: 'script', text: (c) => `</title></textarea></style><script>${c}</script>` },
  { kind: 'script', text: (c) => `<iframe srcdoc="<script>parent.${c}</script>"></iframe>` },
  // ---- event-handler attributes -------------------------------------------------------------
  { kind: 'event-handler', text: (c) => `<img src=x onerror="${c}">` },
  { kind: 'event-handler', text: (c) => `<img src=x onerror=${c}>` },
  { kind: 'event-handler', text: (c) => `<img src="x" onerror="&#95;&#95;xss.push(${c.slice(10, -1)})">` },
  { kind: 'event-handler', text: (c) => `<img src=x onerror=eval(atob('${btoa(c)}'))>` },
  { kind: 'event-handler', text: (c) => `<body onload=${c}>` },
  { kind: 'event-handler', text: (c) => `<details open ontoggle=${c}>` },
  { kind: 'event-handler', text: (c) => `<input autofocus onfocus=${c}>` },
  { kind: 'event-handler', text: (c) => `<select autofocus onfocus=${c}></select>` },
  { kind: 'event-handler', text: (c) => `<textarea autofocus onfocus=${c}></textarea>` },
  { kind: 'event-handler', text: (c) => `<video><source onerror="${c}"></video>` },
  { kind: 'event-handler', text: (c) => `<audio src=x onerror=${c}>` },
  { kind: 'event-handler', text: (c) => `<marquee onstart=${c}>x</marquee>` },
  { kind: 'event-handler', text: (c) => `<x onclick=${c}>click me</x>` },
  { kind: 'event-handler', text: (c) => `<img srcset="x" onerror=${c}>` },
  { kind: 'event-handler', text: (c) => `<style onload=${c}></style>` },
  // ---- javascript: and data: URLs -----------------------------------------------------------
  { kind: 'javascript-url', text: (c) => `javascript:${c}` },
  { kind: 'javascript-url', text: (c) => ` JaVaScRiPt:${c}` },
  { kind: 'javascript-url', text: (c) => `<a href="javascript:${c}">click</a>` },
  { kind: 'javascript-url', text: (c) => `<iframe src="javascript:parent.${c}"></iframe>` },
  { kind: 'javascript-url', text: (c) => `<object data="javascript:parent.${c}"></object>` },
  { kind: 'javascript-url', text: (c) => `<embed src="javascript:parent.${c}">` },
  { kind: 'javascript-url', text: (c) => `<form><button formaction="javascript:${c}">x</button></form>` },
  { kind: 'javascript-url', text: (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">` },
  { kind: 'javascript-url', text: (c) => `<base href="javascript:${c}//">` },
  { kind: 'javascript-url', text: (c) => `data:text/html,<script>${c}</script>` },
  // ---- SVG and MathML -----------------------------------------------------------------------
  { kind: 'svg', text: (c) => `<svg onload="${c}">` },
  { kind: 'svg', text: (c) => `<svg><script>${c}</script></svg>` },
  { kind: 'svg', text: (c) => `<svg><animate onbegin=${c} attributeName=x dur=1s>` },
  { kind: 'svg', text: (c) => `<svg><a xlink:href="javascript:${c}"><text>x</text></a></svg>` },
  { kind: 'svg', text: (c) => `<svg><foreignObject><img src=x onerror=${c}></foreignObject></svg>` },
  { kind: 'svg', text: (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}>` },
  // ---- broken markup ------------------------------------------------------------------------
  { kind: 'broken-markup', text: (c) => `<img src=x onerror=${c}` },
  { kind: 'broken-markup', text: (c) => `<!--<img src="--><img src=x onerror=${c}//">` },
  { kind: 'broken-markup', text: (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">` },
  { kind: 'broken-markup', text: (c) => `</span></td></tr></table><img src=x onerror=${c}>` },
  { kind: 'broken-markup', text: (c) => `</button></dd></dl><img src=x onerror=${c}>` },
  { kind: 'broken-markup', text: (c) => `<template><img src=x onerror=${c}></template>` },
  { kind: 'broken-markup', text: (c) => `<div style="background:url(javascript:${c})">` },
  // ---- template syntax ----------------------------------------------------------------------
  { kind: 'template', text: (c) => `\${${c}}` },
  { kind: 'template', text: (c) => `\`\${${c}}\`` },
  { kind: 'template', text: (c) => `{{${c}}}` },
  { kind: 'template', text: (c) => `<!--?lit$123$-->\${${c}}` },
  // ---- breaking out of attributes -----------------------------------------------------------
  { kind: 'attribute-breaking', text: (c) => `" onmouseover="${c}` },
  { kind: 'attribute-breaking', text: (c) => `' onfocus='${c}' autofocus='` },
  { kind: 'attribute-breaking', text: (c) => `"><img src=x onerror=${c}>` },
  { kind: 'attribute-breaking', text: (c) => `'><img src=x onerror=${c}>` },
  { kind: 'attribute-breaking', text: (c) => `\` onerror=${c} \`` },
  // ---- very long strings --------------------------------------------------------------------
  { kind: 'long', text: (c) => `${LONG_WORD}<img src=x onerror=${c}>` },
  { kind: 'long', text: (c) => `${LONG_WORDS} <script>${c}</script>` },
  { kind: 'long', text: (c) => `${'a'.repeat(2000)}@${'b'.repeat(2000)}.example<svg onload=${c}>` },
  // ---- right-to-left and bidi controls ------------------------------------------------------
  { kind: 'bidi', text: (c) => `\u202Enimda.moc<img src=x onerror=${c}>` },
  { kind: 'bidi', text: (c) => `\u202Bمرحبا\u202C <script>${c}</script>` },
  { kind: 'bidi', text: (c) => `\u2067שלום\u200F<svg onload=${c}>` },
  { kind: 'bidi', text: (c) => `gpj.exe\u202Etxt.<img src=x onerror=${c}>` },
];

/** Every vector, with the number its hook call pushes and the resulting string. */
export const HOSTILE_VECTORS: ReadonlyArray<{ index: number; kind: VectorKind; text: string }> = vectors.map(
  (vector, index) => ({ index, kind: vector.kind, text: vector.text(`__xss.push(${index})`) }),
);
