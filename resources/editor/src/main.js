// The entry editor page: a TipTap editor, its toolbar, and the bridge to Quire (the C++
// object "quire" on a QWebChannel). Content reaches the page only through the bridge and is
// parsed into the schema (inert: nothing in it runs or loads); what leaves the page is the
// entry HTML of FORMAT.md §6 (html.js).

/* global QWebChannel, qt */

import { Editor, Extension } from '@tiptap/core'
import { EditorState, NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

import { documentToHtml, allowedHref } from './html.js'
import { buildExtensions, renderTex } from './schema.js'
import { hasIcon, icon } from './icons.js'

// What the attachment scheme handler serves inline (SchemeHandlers.cpp) and its size limit.
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']
const MAX_IMAGE_BYTES = 20 * 1024 * 1024

let bridge = null
let strings = {}
let editor = null

const t = key => strings[key] || key

// ---------------------------------------------------------------------------------------------
// Messages and the question bar

let noticeTimer = null
function notice(text) {
  const box = document.getElementById('notice')
  box.textContent = text
  box.hidden = false
  clearTimeout(noticeTimer)
  noticeTimer = setTimeout(() => { box.hidden = true }, 6000)
}

// While a question is asked, the text it is about stays marked: the focus is in the bar, so
// the editor's own selection is not shown.
const askTargetKey = new PluginKey('askTarget')
const AskTarget = Extension.create({
  name: 'askTarget',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: askTargetKey,
        state: {
          init: () => null,
          apply: (tr, range) => {
            const meta = tr.getMeta(askTargetKey)
            if (meta !== undefined) return meta
            return range && { from: tr.mapping.map(range.from), to: tr.mapping.map(range.to) }
          },
        },
        props: {
          decorations: state => {
            const range = askTargetKey.getState(state)
            if (!range || range.from >= range.to) return null
            return DecorationSet.create(state.doc, [Decoration.inline(range.from, range.to, { class: 'ask-target' })])
          },
        },
      }),
    ]
  },
})

function markAskTarget(range) {
  editor.view.dispatch(editor.state.tr.setMeta(askTargetKey, range))
}

// The text the open question is about, moved along with any change made meanwhile.
function askedRange(fallback) {
  return askTargetKey.getState(editor.state) || fallback
}

// One question at a time, asked in a bar under the toolbar: a link's address, a formula.
const askbar = {
  close(refocus = true) {
    const bar = document.getElementById('askbar')
    if (bar.hidden) return
    bar.hidden = true
    bar.replaceChildren()
    markAskTarget(null)
    if (refocus) editor.commands.focus()
  },

  open({ label, value, placeholder, monospace, preview, onApply, onRemove }) {
    const { from, to } = editor.state.selection
    markAskTarget({ from, to })
    const bar = document.getElementById('askbar')
    bar.replaceChildren()
    const caption = document.createElement('label')
    caption.textContent = label
    const input = document.createElement('input')
    input.type = 'text'
    input.value = value || ''
    input.placeholder = placeholder || ''
    input.spellcheck = false
    if (monospace) input.classList.add('mono')
    caption.appendChild(input)
    bar.appendChild(caption)

    let previewBox = null
    if (preview) {
      previewBox = document.createElement('span')
      previewBox.className = 'preview'
      bar.appendChild(previewBox)
      const refresh = () => {
        previewBox.replaceChildren()
        if (input.value.trim()) renderTex(input.value, previewBox)
      }
      input.addEventListener('input', refresh)
      refresh()
    }
    const error = document.createElement('span')
    error.className = 'error'
    bar.appendChild(error)

    const button = (text, action, primary) => {
      const b = document.createElement('button')
      b.type = 'button'
      b.textContent = text
      if (primary) b.classList.add('primary')
      b.addEventListener('click', action)
      bar.appendChild(b)
      return b
    }
    const apply = () => {
      const problem = onApply(input.value)
      if (problem) {
        error.textContent = problem
        input.focus()
      } else {
        askbar.close()
      }
    }
    button(t('apply'), apply, true)
    if (onRemove) button(t('remove'), () => { onRemove(); askbar.close() })
    button(t('cancel'), () => askbar.close())
    input.addEventListener('keydown', event => {
      if (event.key === 'Enter') { event.preventDefault(); apply() }
      if (event.key === 'Escape') { event.preventDefault(); askbar.close() }
    })
    bar.hidden = false
    input.focus()
    input.select()
  },
}

// ---------------------------------------------------------------------------------------------
// Links and formulas

// What a person typed as an address, made into one §6 allows: "example.org" is a web
// address, "name@example.org" a mail address.
function completeHref(text) {
  const value = text.trim()
  if (!value) return null
  if (allowedHref(value)) return allowedHref(value)
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(value)) return 'mailto:' + value
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value) && /^[^\s/]+\.[^\s/]+/.test(value)) return 'https://' + value
  return null
}

function editLink() {
  const wasLink = editor.isActive('link')
  if (wasLink) editor.chain().extendMarkRange('link').run()
  const selection = editor.state.selection
  const { empty } = selection
  const original = { from: selection.from, to: selection.to }
  askbar.open({
    label: t('linkPrompt'),
    value: editor.getAttributes('link').href || '',
    placeholder: 'https://',
    onApply: text => {
      const href = completeHref(text)
      if (!href) return t('linkInvalid')
      const { from, to } = askedRange(original)
      if (empty && !wasLink) {
        editor.chain().focus().insertContentAt(from, { type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run()
      } else {
        editor.chain().focus().setTextSelection({ from, to }).setLink({ href }).run()
      }
      return null
    },
    onRemove: wasLink ? () => editor.chain().focus().setTextSelection(askedRange(original)).unsetLink().run() : null,
  })
}

function editMath(position) {
  if (typeof position === 'number') editor.commands.setNodeSelection(position)
  const { selection } = editor.state
  const editing = selection instanceof NodeSelection && selection.node.type.name === 'math'
  const original = { from: selection.from, to: selection.to }
  const initial = editing ? selection.node.attrs.tex : editor.state.doc.textBetween(original.from, original.to, ' ')
  askbar.open({
    label: t('mathPrompt'),
    value: initial,
    placeholder: 'E = mc^2',
    monospace: true,
    preview: true,
    onApply: text => {
      const tex = text.trim()
      const { from, to } = askedRange(original)
      if (!tex) {
        if (editing) editor.chain().focus().deleteRange({ from, to }).run()
        return null
      }
      editor.chain().focus().insertContentAt({ from, to }, { type: 'math', attrs: { tex } }).run()
      return null
    },
    onRemove: editing ? () => editor.chain().focus().deleteRange(askedRange(original)).run() : null,
  })
}

// ---------------------------------------------------------------------------------------------
// Images: the bytes go to Quire, which stores them as an attachment and answers its record id

function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

function imageName(file) {
  const generic = !file.name || /^image\.[a-z]+$/i.test(file.name)
  if (!generic) return file.name
  // A pasted image has no name of its own; the time it was pasted tells them apart.
  const now = new Date()
  const two = n => String(n).padStart(2, '0')
  const extension = (file.type.split('/')[1] || 'png').replace('jpeg', 'jpg')
  return `pasted-image-${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-` +
    `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}.${extension}`
}

function storeImage(name, mediaType, base64) {
  return new Promise(resolve => bridge.storeImage(name, mediaType, base64, id => resolve(id || '')))
}

async function insertImages(files, position) {
  let at = position
  for (const file of files) {
    if (!IMAGE_TYPES.includes(file.type)) {
      notice(t('notAnImage'))
      continue
    }
    if (file.size > MAX_IMAGE_BYTES) {
      notice(t('imageTooLarge'))
      continue
    }
    // Named once: the stored attachment and the image's alt text must carry the same name,
    // also when storing takes past the turn of a second.
    const name = imageName(file)
    let id = ''
    try {
      id = await storeImage(name, file.type, await readBase64(file))
    } catch (error) {
      id = ''
    }
    if (!/^[0-9a-f]{64}$/.test(id)) {
      notice(t('imageFailed'))
      continue
    }
    const image = { type: 'image', attrs: { src: 'quire-attachment:' + id, alt: name } }
    const size = editor.state.doc.content.size
    if (typeof at === 'number' && at <= size) {
      editor.chain().focus().insertContentAt(at, image).run()
      at = editor.state.selection.to
    } else {
      editor.chain().focus().insertContent(image).run()
    }
  }
}

function filesOf(transfer) {
  return transfer ? Array.from(transfer.files || []) : []
}

function pickImages() {
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = IMAGE_TYPES.join(',')
  input.multiple = true
  input.addEventListener('change', () => insertImages(Array.from(input.files || [])))
  input.click()
}

// ---------------------------------------------------------------------------------------------
// Toolbar

const can = () => editor.can().chain().focus()
const run = () => editor.chain().focus()

function toolbarGroups() {
  const heading = level => ({
    name: `heading${level}`, text: `H${level}`, keys: `Ctrl+Alt+${level}`,
    action: () => run().toggleHeading({ level }).run(),
    active: () => editor.isActive('heading', { level }),
  })
  const mark = (name, text, keys, toggle, className) => ({
    name, text, keys, className,
    action: () => run()[toggle]().run(),
    enabled: () => can()[toggle]().run(),
    active: () => editor.isActive(name),
  })
  return [
    [
      { name: 'undo', keys: 'Ctrl+Z', action: () => run().undo().run(), enabled: () => can().undo().run() },
      { name: 'redo', keys: 'Ctrl+Shift+Z', action: () => run().redo().run(), enabled: () => can().redo().run() },
    ],
    [
      { name: 'paragraph', text: '¶', keys: 'Ctrl+Alt+0', action: () => run().setParagraph().run(), active: () => editor.isActive('paragraph') },
      heading(1), heading(2), heading(3), heading(4),
    ],
    [
      mark('bold', 'B', 'Ctrl+B', 'toggleBold', 'glyph-bold'),
      mark('italic', 'I', 'Ctrl+I', 'toggleItalic', 'glyph-italic'),
      mark('underline', 'U', 'Ctrl+U', 'toggleUnderline', 'glyph-underline'),
      mark('strike', 'S', 'Ctrl+Shift+S', 'toggleStrike', 'glyph-strike'),
      mark('subscript', ['x', 'sub', '2'], 'Ctrl+,', 'toggleSubscript'),
      mark('superscript', ['x', 'sup', '2'], 'Ctrl+.', 'toggleSuperscript'),
      mark('code', '</>', 'Ctrl+E', 'toggleCode', 'glyph-code'),
    ],
    [
      { name: 'bulletList', keys: 'Ctrl+Shift+8', action: () => run().toggleBulletList().run(), active: () => editor.isActive('bulletList') },
      { name: 'orderedList', keys: 'Ctrl+Shift+7', action: () => run().toggleOrderedList().run(), active: () => editor.isActive('orderedList') },
      { name: 'checklist', keys: 'Ctrl+Shift+9', action: () => run().toggleTaskList().run(), active: () => editor.isActive('taskList') },
    ],
    [
      { name: 'blockquote', keys: 'Ctrl+Shift+B', action: () => run().toggleBlockquote().run(), active: () => editor.isActive('blockquote') },
      { name: 'codeBlock', keys: 'Ctrl+Alt+C', action: () => run().toggleCodeBlock().run(), active: () => editor.isActive('codeBlock') },
      { name: 'horizontalRule', action: () => run().setHorizontalRule().run(), enabled: () => can().setHorizontalRule().run() },
    ],
    [
      { name: 'link', keys: 'Ctrl+K', action: editLink, active: () => editor.isActive('link') },
      { name: 'math', text: '∑', keys: 'Ctrl+Shift+M', className: 'glyph-math', action: () => editMath(), active: () => editor.isActive('math') },
      { name: 'image', action: pickImages },
      {
        name: 'table',
        action: () => run().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        enabled: () => can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      },
    ],
  ]
}

function tableTools() {
  const tool = (name, command) => ({
    name, text: t(name), action: () => run()[command]().run(), enabled: () => can()[command]().run(),
  })
  return [
    tool('addRowBefore', 'addRowBefore'), tool('addRowAfter', 'addRowAfter'), tool('deleteRow', 'deleteRow'),
    tool('addColumnBefore', 'addColumnBefore'), tool('addColumnAfter', 'addColumnAfter'), tool('deleteColumn', 'deleteColumn'),
    { ...tool('toggleHeaderRow', 'toggleHeaderRow'), active: () => isHeaderRow() },
    { ...tool('deleteTable', 'deleteTable'), className: 'danger' },
  ]
}

// Whether the table around the cursor has a header row (its first row is header cells).
function isHeaderRow() {
  const { $from } = editor.state.selection
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth)
    if (node.type.name === 'table') {
      const first = node.firstChild
      return !!first && first.childCount > 0 && first.firstChild.type.name === 'tableHeader'
    }
  }
  return false
}

const buttons = []

function makeButton(tool, parent) {
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'tool'
  button.dataset.tool = tool.name
  if (tool.className) button.classList.add(tool.className)
  if (hasIcon(tool.name) && !tool.text) {
    button.appendChild(icon(tool.name))
  } else if (Array.isArray(tool.text)) {
    const [base, tag, small] = tool.text
    button.appendChild(document.createTextNode(base))
    const script = document.createElement(tag)
    script.textContent = small
    button.appendChild(script)
  } else {
    button.textContent = tool.text
    if (tool.text.length > 3) button.classList.add('wide')
  }
  const title = t(tool.name)
  button.title = tool.keys ? `${title} (${tool.keys})` : title
  button.setAttribute('aria-label', title)
  // Keep the selection in the text: a button must not take the focus on press.
  button.addEventListener('mousedown', event => event.preventDefault())
  button.addEventListener('click', () => {
    tool.action()
    refreshToolbar()
  })
  parent.appendChild(button)
  buttons.push({ button, tool })
}

function buildToolbar() {
  const bar = document.getElementById('toolbar')
  bar.setAttribute('aria-label', t('toolbar'))
  toolbarGroups().forEach((group, index) => {
    if (index > 0) {
      const separator = document.createElement('span')
      separator.className = 'separator'
      bar.appendChild(separator)
    }
    const box = document.createElement('span')
    box.className = 'group'
    group.forEach(tool => makeButton(tool, box))
    bar.appendChild(box)
  })
  const tablebar = document.getElementById('tablebar')
  const caption = document.createElement('span')
  caption.className = 'caption'
  caption.textContent = t('tableLabel')
  tablebar.appendChild(caption)
  tableTools().forEach(tool => makeButton(tool, tablebar))
}

function refreshToolbar() {
  for (const { button, tool } of buttons) {
    const enabled = tool.enabled ? tool.enabled() : true
    button.disabled = !enabled
    const active = tool.active ? tool.active() : false
    button.classList.toggle('active', active)
    if (tool.active) button.setAttribute('aria-pressed', active ? 'true' : 'false')
  }
  document.getElementById('tablebar').hidden = !editor.isActive('table')
}

// ---------------------------------------------------------------------------------------------
// The editor and the bridge

// Shortcuts TipTap does not bring: links and formulas ask in the question bar.
const EntryShortcuts = Extension.create({
  name: 'entryShortcuts',
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => { editLink(); return true },
      'Mod-Shift-m': () => { editMath(); return true },
    }
  },
})

function load(html) {
  askbar.close(false)
  // Spaces are kept as written (two in a row, one at the start of a line): the editor wrote
  // them so, and loading must give back what was saved.
  editor.commands.setContent(html || '', false, { preserveWhitespace: true })
  // A fresh history: undo must never go back past what was loaded.
  const { state } = editor
  editor.view.updateState(EditorState.create({ doc: state.doc, plugins: state.plugins }))
  refreshToolbar()
}

function start() {
  buildToolbar()
  editor = new Editor({
    element: document.getElementById('editor'),
    extensions: [...buildExtensions({ placeholder: t('placeholder'), onEditMath: editMath }), EntryShortcuts, AskTarget],
    content: '',
    injectCSS: false,
    autofocus: false,
    editorProps: {
      attributes: { class: 'entry-content', spellcheck: 'false', 'aria-label': t('editorLabel') },
      handlePaste: (view, event) => {
        const files = filesOf(event.clipboardData)
        if (files.length === 0) return false
        event.preventDefault()
        insertImages(files)
        return true
      },
      handleDrop: (view, event, slice, moved) => {
        if (moved) return false
        const files = filesOf(event.dataTransfer)
        if (files.length === 0) return false
        event.preventDefault()
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
        insertImages(files, at ? at.pos : undefined)
        return true
      },
    },
  })
  editor.on('update', () => bridge.contentChanged())
  editor.on('transaction', refreshToolbar)
  editor.on('focus', refreshToolbar)
  // Clicks below the last line still put the cursor in the text.
  document.getElementById('scroller').addEventListener('mousedown', event => {
    if (event.target.id === 'scroller' || event.target.id === 'editor') {
      event.preventDefault()
      editor.commands.focus('end')
    }
  })
  // Dropping a file anywhere else must not make the page navigate to it.
  window.addEventListener('dragover', event => event.preventDefault())
  window.addEventListener('drop', event => event.preventDefault())

  bridge.loadRequested.connect(load)
  // An entry template (issue 17), inserted where the cursor is, by the same schema as pasted text.
  bridge.insertRequested.connect(html => editor.chain().focus().insertContent(html).run())
  bridge.htmlRequested.connect(ticket => bridge.deliverHtml(ticket, documentToHtml(editor.state.doc, editor.schema)))
  refreshToolbar()
  bridge.ready()
}

new QWebChannel(qt.webChannelTransport, channel => {
  bridge = channel.objects.quire
  strings = bridge.strings || {}
  start()
})
