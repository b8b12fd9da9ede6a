// Package tabwriter implements a write filter (tabwriter.Writer) that
// translates tabbed columns in input into properly aligned text.
//
// The text is made of cells: a cell is tab-terminated (or, with '\v', a
// "soft" tab-terminated cell) and a line's last, unterminated cell is not
// part of any column. A column is a run of adjacent lines having a cell at
// that index; its width is the widest of those cells plus padding, at
// least minwidth. Output is held until a newline ends a line with a
// single cell (or a '\f', or Flush): that closes the current block.
//
// Package text/tabwriter — csp's standard library, written in csp. Write
// errors of the underlying writer are returned by the Write or Flush that
// met them, as in Go.
package tabwriter

import (
	"io"
	"unicode/utf8"
)

// cell is one cell of text: its bytes (buf's next size bytes), its width
// in runes as displayed, and whether a '\t' ended it.
type cell struct {
	size  int
	width int
	htab  bool
}

// A Writer is a filter that inserts padding around tab-delimited columns
// in its input to align them in the output.
type Writer struct {
	output   io.Writer
	minwidth int
	tabwidth int
	padding  int
	padchar  byte
	flags    uint

	buf     []byte   // the text of every cell, tabs and newlines removed
	pos     int      // buf[:pos] is counted in cell.width
	cell    cell     // the cell being written
	endChar byte     // inside an escaped section: the byte ending it, else 0
	lines   [][]cell // the block's lines
	widths  []int    // the widths of the enclosing columns while formatting
	err     error    // the first write error of the current operation
}

// Formatting can be controlled with these flags.
const (
	// Ignore html tags and treat entities (starting with '&'
	// and ending in ';') as single characters (width = 1).
	FilterHTML uint = 1 << iota

	// Strip Escape characters bracketing escaped text segments
	// instead of passing them through unchanged with the text.
	StripEscape

	// Force right-alignment of cell content.
	// Default is left-alignment.
	AlignRight

	// Handle empty columns as if they were not present in
	// the input in the first place.
	DiscardEmptyColumns

	// Always use tabs for indentation columns (i.e., padding of
	// leading empty cells on the left) independent of padchar.
	TabIndent

	// Print a vertical bar ('|') between columns (after formatting).
	// Discarded columns appear as zero-width columns ("||").
	Debug
)

// Escape is the escape character: text between two Escapes is passed
// through as one cell content, its tabs and newlines included.
const Escape = '\xff'

// Init initializes a Writer. The first parameter (output) specifies the
// filter output. The remaining parameters control the formatting:
//
//	minwidth	minimal cell width including any padding
//	tabwidth	width of tab characters (equivalent number of spaces)
//	padding		padding added to a cell before computing its width
//	padchar		ASCII char used for padding; if '\t', cells are left-aligned
//	flags		formatting control
func (b *Writer) Init(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	if minwidth < 0 || tabwidth < 0 || padding < 0 {
		panic("negative minwidth, tabwidth, or padding")
	}
	b.output = output
	b.minwidth = minwidth
	b.tabwidth = tabwidth
	b.padding = padding
	b.padchar = padchar
	if padchar == '\t' {
		flags &^= AlignRight // tab padding always aligns left
	}
	b.flags = flags
	b.reset()
	return b
}

// NewWriter allocates and initializes a new tabwriter.Writer (see Init).
func NewWriter(output io.Writer, minwidth, tabwidth, padding int, padchar byte, flags uint) *Writer {
	return new(Writer).Init(output, minwidth, tabwidth, padding, padchar, flags)
}

func (b *Writer) reset() {
	b.buf = b.buf[:0]
	b.pos = 0
	b.cell = cell{}
	b.endChar = 0
	b.lines = b.lines[:0]
	b.widths = b.widths[:0]
	b.lines = append(b.lines, nil)
}

// write sends p to the output unless an earlier write of this operation
// failed; a short write without an error is io.ErrShortWrite.
func (b *Writer) write(p []byte) {
	if b.err != nil {
		return
	}
	n, err := b.output.Write(p)
	if n != len(p) && err == nil {
		err = io.ErrShortWrite
	}
	b.err = err
}

func (b *Writer) writeRepeat(c byte, n int) {
	if n <= 0 {
		return
	}
	p := make([]byte, n)
	for i := range p {
		p[i] = c
	}
	b.write(p)
}

// pad fills a cell of text width textw up to cellw: with padchar, or with
// tabs (then to the next multiple of tabwidth; nothing when tabs have no
// width).
func (b *Writer) pad(textw, cellw int, useTabs bool) {
	if b.padchar == '\t' || useTabs {
		if b.tabwidth == 0 {
			return
		}
		cellw = (cellw + b.tabwidth - 1) / b.tabwidth * b.tabwidth
		b.writeRepeat('\t', (cellw-textw+b.tabwidth-1)/b.tabwidth)
		return
	}
	b.writeRepeat(b.padchar, cellw-textw)
}

// writeLines writes lines [line0, line1) with the current column widths,
// their text starting at buf[pos0]; it returns where the text after them
// starts.
func (b *Writer) writeLines(pos0 int, line0, line1 int) int {
	pos := pos0
	for i := line0; i < line1; i++ {
		useTabs := b.flags&TabIndent != 0 // leading empty cells are indentation
		for j, c := range b.lines[i] {
			if j > 0 && b.flags&Debug != 0 {
				b.write([]byte{'|'})
			}
			if c.size == 0 {
				if j < len(b.widths) {
					b.pad(c.width, b.widths[j], useTabs)
				}
				continue
			}
			useTabs = false
			if b.flags&AlignRight == 0 {
				b.write(b.buf[pos : pos+c.size])
				pos += c.size
				if j < len(b.widths) {
					b.pad(c.width, b.widths[j], false)
				}
			} else {
				if j < len(b.widths) {
					b.pad(c.width, b.widths[j], false)
				}
				b.write(b.buf[pos : pos+c.size])
				pos += c.size
			}
		}
		if i+1 == len(b.lines) {
			// The block's last line: its unterminated text is still open.
			b.write(b.buf[pos : pos+b.cell.size])
			pos += b.cell.size
		} else {
			b.write([]byte{'\n'})
		}
	}
	return pos
}

// format writes lines [line0, line1), whose columns before len(b.widths)
// are sized already: each run of lines having a cell in the next column
// gets that column's width, recursively.
func (b *Writer) format(pos0 int, line0, line1 int) int {
	pos := pos0
	column := len(b.widths)
	for this := line0; this < line1; this++ {
		if column >= len(b.lines[this])-1 {
			continue // no cell in this column (the last cell is no column)
		}
		// A run of lines with the column starts here: write what precedes.
		pos = b.writeLines(pos, line0, this)
		line0 = this
		width := b.minwidth
		discardable := true // every cell empty and soft
		for ; this < line1; this++ {
			line := b.lines[this]
			if column >= len(line)-1 {
				break
			}
			c := line[column]
			if w := c.width + b.padding; w > width {
				width = w
			}
			if c.width > 0 || c.htab {
				discardable = false
			}
		}
		if discardable && b.flags&DiscardEmptyColumns != 0 {
			width = 0
		}
		b.widths = append(b.widths, width)
		pos = b.format(pos, line0, this)
		b.widths = b.widths[:len(b.widths)-1]
		line0 = this
	}
	return b.writeLines(pos, line0, line1)
}

func (b *Writer) appendText(text []byte) {
	b.buf = append(b.buf, text...)
	b.cell.size += len(text)
}

// updateWidth counts the runes appended since the last count.
func (b *Writer) updateWidth() {
	b.cell.width += utf8.RuneCount(b.buf[b.pos:])
	b.pos = len(b.buf)
}

func (b *Writer) startEscape(ch byte) {
	switch ch {
	case Escape:
		b.endChar = Escape
	case '<':
		b.endChar = '>'
	case '&':
		b.endChar = ';'
	}
}

// endEscape closes an escaped section: escaped text counts its runes (the
// two Escapes excluded when they are kept), an HTML tag counts nothing and
// an entity one.
func (b *Writer) endEscape() {
	switch b.endChar {
	case Escape:
		b.updateWidth()
		if b.flags&StripEscape == 0 {
			b.cell.width -= 2
		}
	case ';':
		b.cell.width++
	}
	b.pos = len(b.buf)
	b.endChar = 0
}

// terminateCell ends the current cell and returns the number of cells of
// its line.
func (b *Writer) terminateCell(htab bool) int {
	b.cell.htab = htab
	last := len(b.lines) - 1
	b.lines[last] = append(b.lines[last], b.cell)
	b.cell = cell{}
	return len(b.lines[last])
}

// takeErr returns the pending write error and clears it: the next
// operation writes again, as Go's does.
func (b *Writer) takeErr() error {
	err := b.err
	b.err = nil
	return err
}

// Flush should be called after the last call to Write to ensure that any
// data buffered in the Writer is written to output. Any incomplete escape
// sequence at the end is considered complete for formatting purposes.
func (b *Writer) Flush() error {
	b.flushBlock()
	if err := b.takeErr(); err != nil {
		b.reset()
		return err
	}
	return nil
}

func (b *Writer) flushBlock() {
	if b.cell.size > 0 {
		if b.endChar != 0 {
			b.endEscape()
		}
		b.terminateCell(false)
	}
	b.format(0, 0, len(b.lines))
	if b.err == nil {
		b.reset()
	}
}

// Write writes buf to the writer b. The only errors returned are ones
// encountered while writing to the underlying output stream.
func (b *Writer) Write(buf []byte) (n int, err error) {
	for i, ch := range buf {
		if b.endChar != 0 {
			if ch == b.endChar {
				j := i + 1
				if ch == Escape && b.flags&StripEscape != 0 {
					j = i // drop the closing Escape
				}
				b.appendText(buf[n:j])
				n = i + 1
				b.endEscape()
			}
			continue
		}
		switch ch {
		case '\t', '\v', '\n', '\f':
			b.appendText(buf[n:i])
			b.updateWidth()
			n = i + 1
			ncells := b.terminateCell(ch == '\t')
			if ch == '\n' || ch == '\f' {
				b.lines = append(b.lines, nil)
				// A line of one cell ends the block: no column goes on.
				if ch == '\f' || ncells == 1 {
					b.flushBlock()
					if ch == '\f' && b.flags&Debug != 0 {
						b.write([]byte("---\n"))
					}
					if err := b.takeErr(); err != nil {
						return n, err
					}
				}
			}
		case Escape:
			b.appendText(buf[n:i])
			b.updateWidth()
			n = i
			if b.flags&StripEscape != 0 {
				n++ // drop the opening Escape
			}
			b.startEscape(Escape)
		case '<', '&':
			if b.flags&FilterHTML != 0 {
				b.appendText(buf[n:i])
				b.updateWidth()
				n = i
				b.startEscape(ch)
			}
		}
	}
	b.appendText(buf[n:])
	return len(buf), nil
}
