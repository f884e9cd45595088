// Writes the editor's document as FORMAT.md §6 entry HTML, byte for byte as Quire's sanitizer
// (storage/html/HtmlSanitizer.cpp) writes it: only §6 elements and attributes, attributes in name
// order, the same escaping, <br>/<hr>/<img> without a closing tag, text in Unicode NFC. What
// the editor hands over is therefore stored unchanged, and saving, loading and saving again
// gives the same bytes.
//
// The structure comes from the schema's renderHTML (see schema.js); this file only decides
// how that tree is spelled, and drops whatever §6 does not allow in case an extension ever
// renders more than it should.

import { DOMSerializer } from '@tiptap/pm/model'

const ATTACHMENT_PREFIX = 'quire-attachment:'

// A URL as a browser (and the sanitizer) reads it: tabs and line breaks anywhere are
// ignored, control characters and spaces around it are trimmed; one still holding a control
// character is refused.
export function cleanUrl(raw) {
  if (typeof raw !== 'string') return null
  let url = raw.replace(/[\t\n\r]/g, '')
  url = url.replace(/^[\u0000-\u0020\u007f]+/, '').replace(/[\u0000-\u0020\u007f]+$/, '')
  if (/[\u0000-\u001f\u007f]/.test(url)) return null
  return url
}

export function allowedHref(raw) {
  const url = cleanUrl(raw)
  if (url === null) return null
  return /^(https?|mailto|quire):/i.test(url) ? url : null
}

// "quire-attachment:<64 hex digits>" in the sanitizer's spelling, or null.
export function attachmentSrc(raw) {
  const url = cleanUrl(raw)
  if (url === null || url.slice(0, ATTACHMENT_PREFIX.length).toLowerCase() !== ATTACHMENT_PREFIX)
    return null
  const id = url.slice(ATTACHMENT_PREFIX.length).toLowerCase()
  return /^[0-9a-f]{64}$/.test(id) ? ATTACHMENT_PREFIX + id : null
}

// A decimal integer in [min, max] without leading zeros, or null.
export function boundedInteger(raw, min, max) {
  if (raw === null || raw === undefined) return null
  const text = String(raw).trim()
  if (!/^[0-9]{1,12}$/.test(text)) return null
  const value = Number(text)
  return value >= min && value <= max ? String(value) : null
}

const KEPT = new Set([
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 's', 'sub', 'sup', 'code', 'pre',
  'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'figure',
  'figcaption', 'a', 'img', 'span',
])
// Elements whose content is not text of the entry (widgets, column layout): gone entirely.
const DROPPED = new Set([
  'script', 'style', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'input', 'button',
  'select', 'textarea', 'colgroup', 'col', 'label', 'canvas', 'audio', 'video',
])
const VOID = new Set(['br', 'hr', 'img'])

function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function escapeAttribute(text) {
  return escapeText(text).replace(/"/g, '&quot;')
}

function hasClass(element, name) {
  return element.classList && element.classList.contains(name)
}

class Writer {
  constructor() {
    this.out = ''
  }

  text(raw) {
    // What an HTML parser would make of the text anyway, so the stored bytes already say it.
    let text = raw.replace(/\r\n?/g, '\n').replace(/\u0000/g, '\ufffd').normalize('NFC')
    // U+0338 after a tag's '>' would compose with it under NFC of the whole document.
    if (text.startsWith('\u0338') && this.out.endsWith('>')) {
      this.out += '&#824;'
      text = text.slice(1)
    }
    this.out += escapeText(text)
  }

  children(node, context) {
    for (const child of node.childNodes) this.node(child, context)
  }

  node(node, context) {
    if (node.nodeType === 3) {
      if (context.inTable) {
        // Text directly in a table, a section or a row would be moved out by a parser.
        return
      }
      this.text(node.data)
      return
    }
    if (node.nodeType !== 1) return
    let tag = node.localName
    if (DROPPED.has(tag)) return
    if (!KEPT.has(tag)) {
      this.children(node, context)
      return
    }
    const attributes = []
    switch (tag) {
      case 'a': {
        const href = allowedHref(node.getAttribute('href'))
        if (href === null || context.inLink) {
          this.children(node, context)
          return
        }
        attributes.push(['href', href])
        context = { ...context, inLink: true }
        break
      }
      case 'img': {
        const src = attachmentSrc(node.getAttribute('src'))
        if (src === null) return
        const alt = node.getAttribute('alt')
        if (alt !== null) attributes.push(['alt', alt])
        const height = boundedInteger(node.getAttribute('height'), 1, 100000)
        if (height !== null) attributes.push(['height', height])
        attributes.push(['src', src])
        const width = boundedInteger(node.getAttribute('width'), 1, 100000)
        if (width !== null) attributes.push(['width', width])
        break
      }
      case 'span':
        if (!hasClass(node, 'math')) {
          this.children(node, context)
          return
        }
        attributes.push(['class', 'math'])
        if (node.hasAttribute('data-tex')) attributes.push(['data-tex', node.getAttribute('data-tex')])
        break
      case 'ul':
        if (hasClass(node, 'checklist')) attributes.push(['class', 'checklist'])
        break
      case 'li':
        if (context.checklist)
          attributes.push(['data-checked', node.getAttribute('data-checked') === 'true' ? 'true' : 'false'])
        break
      case 'td':
      case 'th': {
        const colspan = boundedInteger(node.getAttribute('colspan'), 1, 1000)
        if (colspan !== null) attributes.push(['colspan', colspan])
        const rowspan = boundedInteger(node.getAttribute('rowspan'), 1, 1000)
        if (rowspan !== null) attributes.push(['rowspan', rowspan])
        break
      }
      case 'table':
        this.table(node, context)
        return
      default:
        break
    }
    this.element(tag, attributes, node, context)
  }

  element(tag, attributes, node, context) {
    this.out += '<' + tag
    for (const [name, value] of attributes) this.out += ` ${name}="${escapeAttribute(value.normalize('NFC'))}"`
    this.out += '>'
    if (VOID.has(tag)) return
    let inner = { ...context, inTable: false, checklist: false }
    if (tag === 'ul' || tag === 'ol') inner.checklist = tag === 'ul' && hasClass(node, 'checklist')
    if (tag === 'tbody' || tag === 'thead' || tag === 'tr') inner.inTable = true
    // A parser drops a line break right after <pre>; one that belongs to the text needs another.
    if (tag === 'pre' && node.firstChild && node.firstChild.nodeType === 3 && node.firstChild.data.startsWith('\n'))
      this.out += '\n'
    this.children(node, inner)
    this.out += `</${tag}>`
  }

  // Rows whose cells are all header cells, at the top of the table, are its head: the same
  // shape as a Markdown table and what a reader of the HTML expects.
  table(node, context) {
    const rows = []
    const collect = parent => {
      for (const child of parent.children) {
        if (child.localName === 'tr') rows.push(child)
        else if (child.localName === 'thead' || child.localName === 'tbody' || child.localName === 'tfoot') collect(child)
      }
    }
    collect(node)
    const isHeaderRow = row =>
      row.children.length > 0 && Array.from(row.children).every(cell => cell.localName === 'th')
    let headRows = 0
    while (headRows < rows.length && isHeaderRow(rows[headRows])) headRows += 1
    const inner = { ...context, inTable: true, inLink: false, checklist: false }
    this.out += '<table>'
    const section = (tag, list) => {
      if (list.length === 0) return
      this.out += `<${tag}>`
      for (const row of list) this.node(row, inner)
      this.out += `</${tag}>`
    }
    section('thead', rows.slice(0, headRows))
    section('tbody', rows.slice(headRows))
    this.out += '</table>'
  }
}

function isEmptyDocument(doc) {
  return doc.childCount === 0 ||
    (doc.childCount === 1 && doc.firstChild.type.name === 'paragraph' && doc.firstChild.childCount === 0)
}

// The document as entry HTML; an empty editor gives the empty string.
export function documentToHtml(doc, schema) {
  if (isEmptyDocument(doc)) return ''
  // A document of its own, so that rendering an <img> fetches nothing and runs nothing.
  const inert = document.implementation.createHTMLDocument('')
  const fragment = DOMSerializer.fromSchema(schema).serializeFragment(doc.content, { document: inert })
  const writer = new Writer()
  writer.children(fragment, { inLink: false, inTable: false, checklist: false })
  return writer.out.normalize('NFC')
}
