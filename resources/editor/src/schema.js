// The editor's schema: TipTap's nodes and marks, configured so that each renders exactly the
// FORMAT.md §6 element it stands for and parses that element back, plus two nodes of our own
// (formulas and attachment images).

import { InputRule, Node, mergeAttributes } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import Heading from '@tiptap/extension-heading'
import Underline from '@tiptap/extension-underline'
import Subscript from '@tiptap/extension-subscript'
import Superscript from '@tiptap/extension-superscript'
import Link from '@tiptap/extension-link'
import Table from '@tiptap/extension-table'
import TableRow from '@tiptap/extension-table-row'
import TableHeader from '@tiptap/extension-table-header'
import TableCell from '@tiptap/extension-table-cell'
import TaskList from '@tiptap/extension-task-list'
import TaskItem from '@tiptap/extension-task-item'
import Placeholder from '@tiptap/extension-placeholder'
import { NodeSelection, Plugin } from '@tiptap/pm/state'
import katex from 'katex'

import { allowedHref, attachmentSrc, boundedInteger } from './html.js'

// Four levels, as in §6; deeper headings (h5, h6) are read as the fourth, as the sanitizer does.
const EntryHeading = Heading.extend({
  parseHTML() {
    return [1, 2, 3, 4, 5, 6].map(level => ({ tag: `h${level}`, attrs: { level: Math.min(level, 4) } }))
  },
})

// Links keep only their address: §6 allows href alone, and a link in a notebook never opens a
// window of its own.
const EntryLink = Link.extend({
  addAttributes() {
    return {
      href: { default: null, parseHTML: element => allowedHref(element.getAttribute('href')) },
    }
  },
})

const Checklist = TaskList.extend({
  parseHTML() {
    return [{ tag: 'ul.checklist', priority: 51 }, { tag: 'ul[data-type="taskList"]', priority: 51 }]
  },
  renderHTML() {
    return ['ul', { class: 'checklist' }, 0]
  },
})

const ChecklistItem = TaskItem.extend({
  parseHTML() {
    return [{ tag: 'li[data-checked]', priority: 51 }, { tag: 'li[data-type="taskItem"]', priority: 51 }]
  },
  renderHTML({ node }) {
    return ['li', { 'data-checked': node.attrs.checked ? 'true' : 'false' }, 0]
  },
})

// Column widths are a matter of the screen, not of the record: they are neither parsed nor
// written, and spans are written only where a cell spans.
function cellAttributes() {
  const span = name => ({
    default: 1,
    parseHTML: element => Number(boundedInteger(element.getAttribute(name), 1, 1000) ?? 1),
    renderHTML: attributes => (attributes[name] > 1 ? { [name]: attributes[name] } : {}),
  })
  return {
    colspan: span('colspan'),
    rowspan: span('rowspan'),
    colwidth: { default: null, parseHTML: () => null, rendered: false },
  }
}

const EntryTable = Table.extend({
  renderHTML() {
    return ['table', ['tbody', 0]]
  },
})
const EntryTableCell = TableCell.extend({ addAttributes: cellAttributes })
const EntryTableHeader = TableHeader.extend({ addAttributes: cellAttributes })

// An image stored as an attachment of the notebook. Images from anywhere else (the web, the
// file system, data: URLs) are not part of the schema, so pasted or loaded HTML cannot make
// the page fetch them.
export const AttachmentImage = Node.create({
  name: 'image',
  inline: true,
  group: 'inline',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    const dimension = name => ({
      default: null,
      parseHTML: element => boundedInteger(element.getAttribute(name), 1, 100000),
    })
    return {
      src: { default: null, parseHTML: element => attachmentSrc(element.getAttribute('src')) },
      alt: { default: null, parseHTML: element => element.getAttribute('alt') },
      width: dimension('width'),
      height: dimension('height'),
    }
  },

  parseHTML() {
    return [{ tag: 'img[src]', getAttrs: element => (attachmentSrc(element.getAttribute('src')) ? null : false) }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['img', HTMLAttributes]
  },
})

export function renderTex(tex, element) {
  try {
    katex.render(tex, element, { throwOnError: true, displayMode: false, output: 'htmlAndMathml' })
    element.classList.remove('math-error')
  } catch (error) {
    element.textContent = tex
    element.classList.add('math-error')
    element.title = error && error.message ? error.message : String(error)
  }
}

// A formula, kept as its TeX source (span.math[data-tex]) and shown through KaTeX. Typing
// $…$ makes one; so does the toolbar.
export const MathInline = Node.create({
  name: 'math',
  inline: true,
  group: 'inline',
  atom: true,
  selectable: true,

  addOptions() {
    return { onEdit: () => {} }
  },

  addAttributes() {
    return {
      tex: {
        default: '',
        parseHTML: element => element.getAttribute('data-tex') ?? element.textContent ?? '',
        renderHTML: attributes => ({ 'data-tex': attributes.tex }),
      },
    }
  },

  parseHTML() {
    return [{
      tag: 'span.math',
      priority: 60,
      getAttrs: element => ((element.getAttribute('data-tex') ?? element.textContent ?? '').trim() ? null : false),
    }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'math' }, HTMLAttributes)]
  },

  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('span')
      dom.className = 'math math-view'
      dom.contentEditable = 'false'
      let shown = null
      const show = current => {
        if (current.attrs.tex === shown) return
        shown = current.attrs.tex
        dom.setAttribute('data-tex', shown)
        renderTex(shown, dom)
      }
      show(node)
      return {
        dom,
        update: updated => {
          if (updated.type.name !== 'math') return false
          show(updated)
          return true
        },
        ignoreMutation: () => true,
      }
    }
  },

  // A double click on a formula, or Enter while it is selected, asks for its TeX again.
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleDoubleClickOn: (view, pos, node, nodePos) => {
            if (node.type !== this.type) return false
            this.options.onEdit(nodePos)
            return true
          },
        },
      }),
    ]
  },

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { selection } = editor.state
        if (!(selection instanceof NodeSelection) || selection.node.type !== this.type) return false
        this.options.onEdit(selection.from)
        return true
      },
    }
  },

  addInputRules() {
    // $x^2$: an opening $ followed by something other than a space, a closing $ typed right
    // after something other than a space, so prices ("$5 and $10") stay text.
    return [
      new InputRule({
        find: /(?<![\\$\w])\$([^\s$](?:[^$]*[^\s$\\])?)\$$/,
        handler: ({ state, range, match }) => {
          state.tr.replaceWith(range.from, range.to, this.type.create({ tex: match[1] }))
        },
      }),
    ]
  },
})

export function buildExtensions({ placeholder, onEditMath }) {
  return [
    StarterKit.configure({ heading: false, codeBlock: { HTMLAttributes: {} } }),
    EntryHeading.configure({ levels: [1, 2, 3, 4] }),
    Underline,
    Subscript,
    Superscript,
    EntryLink.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: ['quire'],
      HTMLAttributes: { target: null, rel: null, class: null },
      isAllowedUri: url => allowedHref(url) !== null,
    }),
    EntryTable.configure({ resizable: false, allowTableNodeSelection: false }),
    TableRow,
    EntryTableHeader,
    EntryTableCell,
    Checklist,
    ChecklistItem.configure({ nested: true }),
    AttachmentImage,
    MathInline.configure({ onEdit: onEditMath }),
    Placeholder.configure({ placeholder }),
  ]
}
