'use strict';
// Every text the server sends (request names come from scenarios) reaches the page as a text
// node, never as HTML: el() is the only way this page builds elements.

/** An element with attributes and children; strings and numbers become text nodes. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** Replaces what is in a container. */
function fill(container, ...children) {
  container.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined));
}
