// Package pem implements the PEM data encoding, which originated in Privacy
// Enhanced Mail. The most common use of PEM encoding today is in TLS keys
// and certificates. See RFC 1421.
//
// Package encoding/pem — csp's standard library, written in csp, with
// Go's rules for what Decode accepts (a BEGIN line starting a line, the
// matching END line, optional "Key: value" headers, base64 with spaces
// and tabs ignored) and what Encode writes (Proc-Type first, then the
// other headers sorted, 64-character lines).
package pem

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"sort"
	"strings"
)

// A Block represents a PEM encoded structure.
//
// The encoded form is:
//
//	-----BEGIN Type-----
//	Headers
//	base64-encoded Bytes
//	-----END Type-----
//
// where Headers is a possibly empty sequence of Key: Value lines.
type Block struct {
	Type    string            // The type, taken from the preamble (i.e. "RSA PRIVATE KEY").
	Headers map[string]string // Optional headers.
	Bytes   []byte            // The decoded bytes of the contents. Typically a DER encoded ASN.1 structure.
}

// getLine splits data at its first '\n': the line without "\r\n" or '\n'
// and without trailing spaces and tabs, the rest, and the bytes consumed.
func getLine(data []byte) (line, rest []byte, consumed int) {
	i := bytes.IndexByte(data, '\n')
	j := i + 1
	if i < 0 {
		i = len(data)
		j = i
	} else if i > 0 && data[i-1] == '\r' {
		i--
	}
	return bytes.TrimRight(data[:i], " \t"), data[j:], j
}

func removeSpacesAndTabs(data []byte) []byte {
	if !bytes.ContainsAny(data, " \t") {
		return data
	}
	out := make([]byte, 0, len(data))
	for _, b := range data {
		if b != ' ' && b != '\t' {
			out = append(out, b)
		}
	}
	return out
}

var (
	pemStart     = []byte("\n-----BEGIN ")
	pemEnd       = []byte("\n-----END ")
	pemEndOfLine = []byte("-----")
)

// Decode will find the next PEM formatted block (certificate, private key
// etc) in the input. It returns that block and the remainder of the input.
// If no PEM data is found, p is nil and the whole of the input is returned
// in rest. Blocks must start at the beginning of a line and end at the end
// of a line.
func Decode(data []byte) (p *Block, rest []byte) {
	// Each try starts from an END line and looks back for its BEGIN;
	// endIndex and trailer are offsets into rest, kept up to date as rest
	// advances.
	rest = data
	trailer := 0
	for {
		if trailer < 0 || trailer > len(rest) {
			return nil, data
		}
		rest = rest[trailer:]
		endIndex := bytes.Index(rest, pemEnd)
		if endIndex < 0 {
			return nil, data
		}
		trailer = endIndex + len(pemEnd)
		begin := bytes.LastIndex(rest[:endIndex], pemStart[1:])
		if begin < 0 || (begin > 0 && rest[begin-1] != '\n') {
			continue
		}
		skip := begin + len(pemStart) - 1
		rest = rest[skip:]
		endIndex -= skip
		trailer -= skip

		typeLine, next, consumed := getLine(rest)
		rest = next
		endIndex -= consumed
		trailer -= consumed
		if !bytes.HasSuffix(typeLine, pemEndOfLine) {
			continue
		}
		typeLine = typeLine[:len(typeLine)-len(pemEndOfLine)]
		p = &Block{Headers: make(map[string]string), Type: string(typeLine)}

		for {
			if len(rest) == 0 {
				return nil, data // the input ends in the headers
			}
			line, next, consumed := getLine(rest)
			key, val, ok := bytes.Cut(line, []byte(":"))
			if !ok {
				break
			}
			p.Headers[string(bytes.TrimSpace(key))] = string(bytes.TrimSpace(val))
			rest = next
			endIndex -= consumed
			trailer -= consumed
		}
		// Headers that ran past the END line: not this block.
		if len(p.Headers) > 0 && endIndex < 0 {
			continue
		}

		// The END line must name the same type and end there.
		endLine := rest[trailer:]
		want := len(typeLine) + len(pemEndOfLine)
		if len(endLine) < want {
			continue
		}
		after := endLine[want:]
		endLine = endLine[:want]
		if !bytes.HasPrefix(endLine, typeLine) || !bytes.HasSuffix(endLine, pemEndOfLine) {
			continue
		}
		if s, _, _ := getLine(after); len(s) != 0 {
			continue
		}

		p.Bytes = []byte{}
		if endIndex > 0 {
			b64 := removeSpacesAndTabs(rest[:endIndex])
			p.Bytes = make([]byte, base64.StdEncoding.DecodedLen(len(b64)))
			n, err := base64.StdEncoding.Decode(p.Bytes, b64)
			if err != nil {
				continue
			}
			p.Bytes = p.Bytes[:n]
		}
		// Skip the END line: the rest starts after it.
		_, rest, _ = getLine(rest[endIndex+len(pemEnd)-1:])
		return p, rest
	}
}

const pemLineLength = 64

// lineBreaker cuts what is written to it into lines of pemLineLength.
type lineBreaker struct {
	line [pemLineLength]byte
	used int
	out  io.Writer
}

func (l *lineBreaker) Write(b []byte) (n int, err error) {
	if l.used+len(b) < pemLineLength {
		copy(l.line[l.used:], b)
		l.used += len(b)
		return len(b), nil
	}
	if n, err = l.out.Write(l.line[:l.used]); err != nil {
		return
	}
	excess := pemLineLength - l.used
	l.used = 0
	if n, err = l.out.Write(b[:excess]); err != nil {
		return
	}
	if n, err = l.out.Write([]byte{'\n'}); err != nil {
		return
	}
	return l.Write(b[excess:])
}

func (l *lineBreaker) Close() (err error) {
	if l.used > 0 {
		if _, err = l.out.Write(l.line[:l.used]); err != nil {
			return
		}
		_, err = l.out.Write([]byte{'\n'})
	}
	return
}

func writeHeader(out io.Writer, k, v string) error {
	_, err := out.Write([]byte(k + ": " + v + "\n"))
	return err
}

// Encode writes the PEM encoding of b to out.
func Encode(out io.Writer, b *Block) error {
	for k := range b.Headers {
		if strings.Contains(k, ":") {
			return errors.New("pem: cannot encode a header key that contains a colon")
		}
	}
	if _, err := out.Write(pemStart[1:]); err != nil {
		return err
	}
	if _, err := out.Write([]byte(b.Type + "-----\n")); err != nil {
		return err
	}
	if len(b.Headers) > 0 {
		const procType = "Proc-Type"
		var keys []string
		_, hasProcType := b.Headers[procType]
		for k := range b.Headers {
			if k != procType {
				keys = append(keys, k)
			}
		}
		if hasProcType {
			if err := writeHeader(out, procType, b.Headers[procType]); err != nil {
				return err
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if err := writeHeader(out, k, b.Headers[k]); err != nil {
				return err
			}
		}
		if _, err := out.Write([]byte{'\n'}); err != nil {
			return err
		}
	}
	breaker := &lineBreaker{out: out}
	enc := base64.NewEncoder(base64.StdEncoding, breaker)
	if _, err := enc.Write(b.Bytes); err != nil {
		return err
	}
	enc.Close()
	breaker.Close()
	if _, err := out.Write(pemEnd[1:]); err != nil {
		return err
	}
	_, err := out.Write([]byte(b.Type + "-----\n"))
	return err
}

// EncodeToMemory returns the PEM encoding of b. If b has invalid headers
// and cannot be encoded, EncodeToMemory returns nil.
func EncodeToMemory(b *Block) []byte {
	var buf bytes.Buffer
	if err := Encode(&buf, b); err != nil {
		return nil
	}
	return buf.Bytes()
}
