// Package exec runs external commands: Command, Run, Output, CombinedOutput, Start/Wait, pipes to and from the command, LookPath.
//
// Package os/exec — csp's standard library, written over os.StartProcess
// (posix_spawn) and os.Pipe. A command's standard streams that are not
// *os.File values are copied by goroutines through pipes, as Go does; Wait
// and every pipe read or write wait with the thread in the syscall
// hand-off, so other goroutines run on.
package exec

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// ErrNotFound is the error of a LookPath that found no executable.
var ErrNotFound = errors.New("executable file not found in $PATH")

// ErrDot is the error of a LookPath whose result is relative to the current directory.
var ErrDot = errors.New("cannot run executable found relative to current directory")

// ErrWaitDelay is returned by Wait when the WaitDelay expired (unused by csp).
var ErrWaitDelay = errors.New("exec: WaitDelay expired before I/O complete")

// Error is the error of a LookPath or Command that could not find the program.
type Error struct {
	// Name is the program name.
	Name string
	// Err is the reason.
	Err error
}

// Error returns `exec: "NAME": reason`.
func (e *Error) Error() string { return "exec: " + strconv.Quote(e.Name) + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *Error) Unwrap() error { return e.Err }

// An ExitError is a command that ran but did not exit with status 0.
type ExitError struct {
	*os.ProcessState
	// Stderr holds the command's standard error when Output collected it.
	Stderr []byte
}

// Error returns the process state: "exit status 3", "signal: killed".
func (e *ExitError) Error() string { return e.ProcessState.String() }

// Cmd is a command being prepared or run.
type Cmd struct {
	// Path is the program to run (Command resolves it through $PATH).
	Path string
	// Args holds the arguments, the command name first.
	Args []string
	// Env is the environment; nil means the current process's.
	Env []string
	// Dir is the working directory; "" means the current one.
	Dir string
	// Stdin is the standard input (nil: /dev/null).
	Stdin io.Reader
	// Stdout is the standard output (nil: /dev/null).
	Stdout io.Writer
	// Stderr is the standard error (nil: /dev/null).
	Stderr io.Writer
	// ExtraFiles become descriptors 3, 4 … of the command.
	ExtraFiles []*os.File
	// Process is the running process, once started.
	Process *os.Process
	// ProcessState is how it ended, once waited for.
	ProcessState *os.ProcessState
	// Err is the error of resolving Path, reported by Start.
	Err error
	// Cancel is called when the context of CommandContext is done (default: kill the process).
	Cancel func() error

	ctx          context.Context
	childFiles   []*os.File // the child's ends, closed after Start
	parentPipes  []io.Closer // our pipe ends, closed after Wait
	copiers      []func() error
	goroutines   int
	goErr        chan error
	ctxErr       chan error
}

// Command returns a Cmd that runs name with the given arguments. A name
// without a slash is searched in $PATH (a failure shows in Cmd.Err and at Start).
func Command(name string, arg ...string) *Cmd {
	cmd := &Cmd{Path: name, Args: append([]string{name}, arg...)}
	if filepath.Base(name) == name {
		lp, err := LookPath(name)
		if lp != "" {
			cmd.Path = lp
		}
		if err != nil {
			cmd.Err = err
		}
	}
	return cmd
}

// CommandContext is Command whose process is killed (Cmd.Cancel) when ctx is done before it ends.
func CommandContext(ctx context.Context, name string, arg ...string) *Cmd {
	if ctx == nil {
		panic("nil Context")
	}
	cmd := Command(name, arg...)
	cmd.ctx = ctx
	cmd.Cancel = func() error { return cmd.Process.Kill() }
	return cmd
}

// String returns the command line: the path and arguments joined by spaces.
func (c *Cmd) String() string {
	if c.Err != nil {
		return strings.Join(c.Args, " ")
	}
	b := new(strings.Builder)
	b.WriteString(c.Path)
	for _, a := range c.Args[1:] {
		b.WriteByte(' ')
		b.WriteString(a)
	}
	return b.String()
}

// findExecutable says whether file is an executable file.
func findExecutable(file string) error {
	d, err := os.Stat(file)
	if err != nil {
		return err
	}
	m := d.Mode()
	if m.IsDir() {
		return syscall.EISDIR
	}
	if m&0111 != 0 {
		return nil
	}
	return fs.ErrPermission
}

// LookPath finds the executable file in $PATH (or checks file when it has a slash).
func LookPath(file string) (string, error) {
	if strings.Contains(file, "/") {
		err := findExecutable(file)
		if err == nil {
			return file, nil
		}
		return "", &Error{file, err}
	}
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, file)
		if err := findExecutable(p); err == nil {
			if !filepath.IsAbs(p) {
				return p, &Error{file, ErrDot}
			}
			return p, nil
		}
	}
	return "", &Error{file, ErrNotFound}
}

// dedupEnv keeps the last value of each key, in the order of those last values.
func dedupEnv(env []string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, len(env))
	for i := len(env) - 1; i >= 0; i-- {
		kv := env[i]
		k := kv
		if j := strings.Index(kv, "="); j > 0 {
			k = kv[:j]
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, kv)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func (c *Cmd) environ() []string {
	env := c.Env
	if env == nil {
		env = os.Environ()
		if c.Dir != "" {
			if pwd, err := filepath.Abs(c.Dir); err == nil {
				env = append(env, "PWD="+pwd)
			}
		}
	}
	return dedupEnv(env)
}

// Environ returns the environment the command runs (or would run) with.
func (c *Cmd) Environ() []string { return c.environ() }

func (c *Cmd) closeChild() {
	for _, f := range c.childFiles {
		f.Close()
	}
	c.childFiles = nil
}

func (c *Cmd) closeParent() {
	for _, p := range c.parentPipes {
		p.Close()
	}
	c.parentPipes = nil
}

// goCopy queues fn, a copy between a pipe and one of the Cmd's streams,
// to run in a goroutine once the process has started (Wait collects its
// error). Not before: a copier reading a pipe whose write end the parent
// still holds would wait for ever (and stop the one thread of -seed runs).
func (c *Cmd) goCopy(fn func() error) {
	c.copiers = append(c.copiers, fn)
}

// startCopiers runs the queued copies, each in its goroutine.
func (c *Cmd) startCopiers() {
	c.goErr = make(chan error, len(c.copiers))
	for _, fn := range c.copiers {
		c.goroutines++
		go func() { c.goErr <- fn() }()
	}
	c.copiers = nil
}

func (c *Cmd) stdin() (*os.File, error) {
	if c.Stdin == nil {
		f, err := os.Open(os.DevNull)
		if err == nil {
			c.childFiles = append(c.childFiles, f)
		}
		return f, err
	}
	if f, ok := c.Stdin.(*os.File); ok {
		return f, nil
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.childFiles = append(c.childFiles, pr)
	c.parentPipes = append(c.parentPipes, pw)
	src := c.Stdin
	c.goCopy(func() error {
		_, err := io.Copy(pw, src)
		if errors.Is(err, syscall.EPIPE) { // the command stopped reading
			err = nil
		}
		if err1 := pw.Close(); err == nil && !errors.Is(err1, os.ErrClosed) {
			err = err1
		}
		return err
	})
	return pr, nil
}

func (c *Cmd) output(w io.Writer) (*os.File, error) {
	if w == nil {
		f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		if err == nil {
			c.childFiles = append(c.childFiles, f)
		}
		return f, err
	}
	if f, ok := w.(*os.File); ok {
		return f, nil
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.childFiles = append(c.childFiles, pw)
	c.parentPipes = append(c.parentPipes, pr)
	c.goCopy(func() error {
		_, err := io.Copy(w, pr)
		pr.Close()
		return err
	})
	return pw, nil
}

// Start starts the command; Wait waits for it.
func (c *Cmd) Start() error {
	if c.Path == "" && c.Err == nil {
		c.Err = errors.New("exec: no command")
	}
	if c.Err != nil {
		c.closeChild()
		c.closeParent()
		return c.Err
	}
	if c.Process != nil {
		return errors.New("exec: already started")
	}
	if c.ctx != nil {
		select {
		case <-c.ctx.Done():
			c.closeChild()
			c.closeParent()
			return c.ctx.Err()
		default:
		}
	}
	in, err := c.stdin()
	var out, errf *os.File
	if err == nil {
		out, err = c.output(c.Stdout)
	}
	if err == nil {
		if c.Stderr != nil && interfaceEqual(c.Stderr, c.Stdout) {
			errf = out
		} else {
			errf, err = c.output(c.Stderr)
		}
	}
	if err != nil {
		c.copiers = nil
		c.closeChild()
		c.closeParent()
		return err
	}
	files := append([]*os.File{in, out, errf}, c.ExtraFiles...)
	c.Process, err = os.StartProcess(c.Path, c.Args, &os.ProcAttr{Dir: c.Dir, Env: c.environ(), Files: files})
	c.closeChild()
	if err != nil {
		c.copiers = nil
		c.closeParent()
		return err
	}
	c.startCopiers()
	if c.ctx != nil && c.ctx.Done() != nil {
		c.ctxErr = make(chan error, 1)
		done := make(chan struct{})
		ctx, cancel := c.ctx, c.Cancel
		c.parentPipes = append(c.parentPipes, closerFunc(func() error { close(done); return nil }))
		go func() {
			select {
			case <-ctx.Done():
				var err error
				if cancel != nil {
					if e := cancel(); e == nil {
						err = ctx.Err()
					} else if !errors.Is(e, os.ErrProcessDone) {
						err = e
					}
				}
				c.ctxErr <- err
			case <-done:
				c.ctxErr <- nil
			}
		}()
	}
	return nil
}

type closerFunc func() error

func (f closerFunc) Close() error { return f() }

// interfaceEqual compares two writers without panicking on uncomparable dynamic types.
func interfaceEqual(a, b any) (eq bool) {
	defer func() { recover() }()
	return a == b
}

// Wait waits for the command to exit and for its stream copying to end.
//
// A non-zero exit is an *ExitError; a second Wait is an error.
func (c *Cmd) Wait() error {
	if c.Process == nil {
		return errors.New("exec: not started")
	}
	if c.ProcessState != nil {
		return errors.New("exec: Wait was already called")
	}
	state, err := c.Process.Wait()
	if err == nil && !state.Success() {
		err = &ExitError{ProcessState: state}
	}
	c.ProcessState = state
	var copyErr error
	for ; c.goroutines > 0; c.goroutines-- {
		if e := <-c.goErr; e != nil && copyErr == nil {
			copyErr = e
		}
	}
	ctxErr := c.ctxErr
	c.closeParent()
	if ctxErr != nil {
		if e := <-ctxErr; err == nil && e != nil {
			err = e
		}
	}
	if err == nil {
		err = copyErr
	}
	return err
}

// Run starts the command and waits for it.
func (c *Cmd) Run() error {
	if err := c.Start(); err != nil {
		return err
	}
	return c.Wait()
}

// Output runs the command and returns its standard output. On a non-zero
// exit the *ExitError holds the standard error, unless Stderr was set.
func (c *Cmd) Output() ([]byte, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	var stdout, stderr bytes.Buffer
	c.Stdout = &stdout
	capture := c.Stderr == nil
	if capture {
		c.Stderr = &stderr
	}
	err := c.Run()
	if err != nil && capture {
		if ee, ok := err.(*ExitError); ok {
			ee.Stderr = stderr.Bytes()
		}
	}
	return stdout.Bytes(), err
}

// CombinedOutput runs the command and returns its standard output and error together.
func (c *Cmd) CombinedOutput() ([]byte, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	if c.Stderr != nil {
		return nil, errors.New("exec: Stderr already set")
	}
	var b bytes.Buffer
	c.Stdout = &b
	c.Stderr = &b
	err := c.Run()
	return b.Bytes(), err
}

// closeOnce makes a second Close of the stdin pipe harmless. The user's
// Close and Wait's may run in different goroutines ordered only through
// the child process (EOF on its stdin ends its stdout), which is no
// happens-before edge: a sync.Once, as in Go (-race found the plain flag).
type closeOnce struct {
	*os.File
	once sync.Once
	err  error
}

func (c *closeOnce) Close() error {
	c.once.Do(func() { c.err = c.File.Close() })
	return c.err
}

// StdinPipe returns a pipe to the command's standard input, closed by Wait (close it earlier to signal EOF).
func (c *Cmd) StdinPipe() (io.WriteCloser, error) {
	if c.Stdin != nil {
		return nil, errors.New("exec: Stdin already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: StdinPipe after process started")
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.Stdin = pr
	c.childFiles = append(c.childFiles, pr)
	w := &closeOnce{File: pw}
	c.parentPipes = append(c.parentPipes, w)
	return w, nil
}

// StdoutPipe returns a pipe from the command's standard output; read it all before Wait, which closes it.
func (c *Cmd) StdoutPipe() (io.ReadCloser, error) {
	if c.Stdout != nil {
		return nil, errors.New("exec: Stdout already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: StdoutPipe after process started")
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.Stdout = pw
	c.childFiles = append(c.childFiles, pw)
	c.parentPipes = append(c.parentPipes, pr)
	return pr, nil
}

// StderrPipe returns a pipe from the command's standard error; read it all before Wait, which closes it.
func (c *Cmd) StderrPipe() (io.ReadCloser, error) {
	if c.Stderr != nil {
		return nil, errors.New("exec: Stderr already set")
	}
	if c.Process != nil {
		return nil, errors.New("exec: StderrPipe after process started")
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c.Stderr = pw
	c.childFiles = append(c.childFiles, pw)
	c.parentPipes = append(c.parentPipes, pr)
	return pr, nil
}
