// Toolbar icons as small SVG drawings, so they look the same whatever fonts the computer has.
// Each is a list of shapes in a 16×16 box, drawn with the button's text colour.

const SVG = 'http://www.w3.org/2000/svg'

const line = (x1, y1, x2, y2) => ['line', { x1, y1, x2, y2 }]
const path = d => ['path', { d }]
const dot = (cx, cy, r = 1.3) => ['circle', { cx, cy, r, fill: 'currentColor', stroke: 'none' }]
const rect = (x, y, width, height, rx = 1) => ['rect', { x, y, width, height, rx }]
const label = (x, y, text, size = 5.5) => [
  'text', { x, y, 'font-size': size, fill: 'currentColor', stroke: 'none', 'font-family': 'sans-serif', 'font-weight': 600 }, text,
]

const SHAPES = {
  undo: [path('M5.5 3.5 2.5 6.5l3 3'), path('M2.5 6.5h7a3.5 3.5 0 0 1 0 7H7')],
  redo: [path('M10.5 3.5l3 3-3 3'), path('M13.5 6.5h-7a3.5 3.5 0 0 0 0 7H9')],
  bulletList: [dot(3, 4), dot(3, 8), dot(3, 12), line(6, 4, 14, 4), line(6, 8, 14, 8), line(6, 12, 14, 12)],
  orderedList: [label(0.5, 6.6, '1', 6.5), label(0.5, 14.6, '2', 6.5), line(6.5, 4, 14.5, 4), line(6.5, 8, 14.5, 8), line(6.5, 12, 14.5, 12)],
  checklist: [rect(1, 1.5, 5.5, 5.5), path('M2.3 4.3l1.3 1.3 2.6-3.4'), rect(1, 9.5, 5.5, 5.5), line(9, 4.2, 15, 4.2), line(9, 12.2, 15, 12.2)],
  blockquote: [['line', { x1: 2.5, y1: 3, x2: 2.5, y2: 13, 'stroke-width': 2 }], line(6, 4.5, 14, 4.5), line(6, 8, 14, 8), line(6, 11.5, 11, 11.5)],
  codeBlock: [rect(1, 2, 14, 12, 2), path('M6 5.5 3.8 8 6 10.5'), path('M10 5.5l2.2 2.5-2.2 2.5')],
  horizontalRule: [['line', { x1: 1.5, y1: 8, x2: 14.5, y2: 8, 'stroke-width': 1.8 }], ['line', { x1: 4, y1: 4, x2: 12, y2: 4, opacity: 0.35 }], ['line', { x1: 4, y1: 12, x2: 12, y2: 12, opacity: 0.35 }]],
  link: [path('M6.8 9.2a2.8 2.8 0 0 0 4 0l2.3-2.3a2.8 2.8 0 0 0-4-4l-1 1'), path('M9.2 6.8a2.8 2.8 0 0 0-4 0L2.9 9.1a2.8 2.8 0 0 0 4 4l1-1')],
  image: [rect(1.5, 2.5, 13, 11, 1.5), path('M2 12l4-4.5 3 3 2-2 3.5 3.5'), ['circle', { cx: 11, cy: 5.8, r: 1.3 }]],
  table: [rect(1.5, 2.5, 13, 11, 1), line(1.5, 6.2, 14.5, 6.2), line(1.5, 9.8, 14.5, 9.8), line(6, 2.5, 6, 13.5), line(10.3, 2.5, 10.3, 13.5)],
}

function shapeElement([name, attributes, text]) {
  const element = document.createElementNS(SVG, name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value))
  if (text !== undefined) element.textContent = text
  return element
}

export function hasIcon(name) {
  return Object.prototype.hasOwnProperty.call(SHAPES, name)
}

export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg')
  svg.setAttribute('viewBox', '0 0 16 16')
  svg.setAttribute('width', '16')
  svg.setAttribute('height', '16')
  svg.setAttribute('aria-hidden', 'true')
  svg.setAttribute('fill', 'none')
  svg.setAttribute('stroke', 'currentColor')
  svg.setAttribute('stroke-width', '1.3')
  svg.setAttribute('stroke-linecap', 'round')
  svg.setAttribute('stroke-linejoin', 'round')
  for (const shape of SHAPES[name]) svg.appendChild(shapeElement(shape))
  return svg
}
