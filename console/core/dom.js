// The one way the console builds the page: elements are created with h(), and every value becomes a text node.
// Nothing here (or anywhere in the console) assigns innerHTML, so a step output holding markup stays text.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** h('tag.class#id', {attrs, on: {click}}, ...children): children are nodes, strings, numbers, arrays or null. */
export function h(selector, attrs, ...children) {
  return build(document.createElement(tagOf(selector)), selector, attrs, children);
}

/** The same for SVG elements (charts, the workflow diagram). */
export function svg(selector, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tagOf(selector)), selector, attrs, children);
}

function tagOf(selector) {
  return selector.split(/[.#]/)[0] || 'div';
}

function build(el, selector, attrs, children) {
  for (const part of selector.match(/[.#][^.#]+/g) ?? []) {
    if (part[0] === '.') el.classList.add(part.slice(1));
    else el.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (name === 'class') {
      for (const c of String(value).split(/\s+/).filter(Boolean)) el.classList.add(c);
    } else if (name === 'style' && typeof value === 'object') {
      Object.assign(el.style, value);
    } else if (name === 'value' && 'value' in el) {
      el.value = value;
    } else if (name === 'checked' || name === 'selected' || name === 'disabled') {
      el[name] = Boolean(value);
    } else if (name === 'href' || name === 'src' || name === 'action') {
      el.setAttribute(name, safeUrl(value));
    } else if (name.startsWith('on')) {
      throw new Error(`Use on: {…} for event handlers (${name}).`);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children to el: strings and numbers as text nodes, arrays flattened, null/undefined/false skipped. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces everything inside el. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Only links inside the console (#/...), relative paths, and http(s) addresses; anything else (javascript:, data:) becomes '#'. */
export function safeUrl(value) {
  const text = String(value);
  if (text.startsWith('#') || text.startsWith('./') || (text.startsWith('/') && !text.startsWith('//'))) return text;
  try {
    const url = new URL(text, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '#';
  } catch {
    return '#';
  }
}
