// Package syscall holds the low-level operating system pieces other packages build on: error numbers and signals (Linux's values).
//
// Package syscall — csp's standard library, a small part of Go's: Errno
// (os's errors wrap it), Signal with the Linux signal numbers (os.Signal
// values), Kill, Getpid and the process ids. Natives in syscall.c.
package syscall

import (
	"errors"
	"io/fs"
)

// An Errno is a system error number; its text is the system's.
type Errno uintptr

func errnoString(errno int) string

// Error returns the system's description of the error number.
func (e Errno) Error() string { return errnoString(int(e)) }

// Is lets errors.Is match fs.ErrPermission, fs.ErrExist, fs.ErrNotExist and errors.ErrUnsupported.
func (e Errno) Is(target error) bool {
	switch target {
	case fs.ErrPermission:
		return e == EACCES || e == EPERM
	case fs.ErrExist:
		return e == EEXIST || e == ENOTEMPTY
	case fs.ErrNotExist:
		return e == ENOENT
	case errors.ErrUnsupported:
		return e == ENOSYS || e == EOPNOTSUPP
	}
	return false
}

// Temporary reports whether the failure may go away when retried.
func (e Errno) Temporary() bool {
	return e == EINTR || e == EMFILE || e == ENFILE || e.Timeout()
}

// Timeout reports whether the error is a timeout.
func (e Errno) Timeout() bool { return e == EAGAIN || e == ETIMEDOUT }

// Error numbers (Linux).
const (
	EPERM     Errno = 1
	ENOENT    Errno = 2
	ESRCH     Errno = 3
	EINTR     Errno = 4
	EIO       Errno = 5
	ENXIO     Errno = 6
	E2BIG     Errno = 7
	ENOEXEC   Errno = 8
	EBADF     Errno = 9
	ECHILD    Errno = 10
	EAGAIN    Errno = 11
	ENOMEM    Errno = 12
	EACCES    Errno = 13
	EFAULT    Errno = 14
	EBUSY     Errno = 16
	EEXIST    Errno = 17
	EXDEV     Errno = 18
	ENODEV    Errno = 19
	ENOTDIR   Errno = 20
	EISDIR    Errno = 21
	EINVAL    Errno = 22
	ENFILE    Errno = 23
	EMFILE    Errno = 24
	ENOTTY    Errno = 25
	EFBIG     Errno = 27
	ENOSPC    Errno = 28
	ESPIPE    Errno = 29
	EROFS     Errno = 30
	EMLINK    Errno = 31
	EPIPE     Errno = 32
	ERANGE    Errno = 34
	ENAMETOOLONG Errno = 36
	ENOSYS    Errno = 38
	ENOTEMPTY Errno = 39
	ELOOP     Errno = 40
	EOPNOTSUPP Errno = 95
	ETIMEDOUT Errno = 110
)

// A Signal is a Unix signal number.
type Signal int

// Signal marks Signal as an os.Signal.
func (s Signal) Signal() {}

// String returns the signal's description, as Go prints it ("interrupt", "terminated" …).
func (s Signal) String() string {
	if s >= 1 && int(s) < len(signalNames) {
		return signalNames[s]
	}
	return "signal " + itoa(int(s))
}

var signalNames = [...]string{
	1: "hangup", 2: "interrupt", 3: "quit", 4: "illegal instruction",
	5: "trace/breakpoint trap", 6: "aborted", 7: "bus error",
	8: "floating point exception", 9: "killed", 10: "user defined signal 1",
	11: "segmentation fault", 12: "user defined signal 2", 13: "broken pipe",
	14: "alarm clock", 15: "terminated", 16: "stack fault", 17: "child exited",
	18: "continued", 19: "stopped (signal)", 20: "stopped",
	21: "stopped (tty input)", 22: "stopped (tty output)",
	23: "urgent I/O condition", 24: "CPU time limit exceeded",
	25: "file size limit exceeded", 26: "virtual timer expired",
	27: "profiling timer expired", 28: "window changed", 29: "I/O possible",
	30: "power failure", 31: "bad system call",
}

func itoa(v int) string {
	if v < 0 {
		return "-" + itoa(-v)
	}
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(buf[i:])
		}
	}
}

// Signal numbers (Linux).
const (
	SIGHUP    Signal = 1
	SIGINT    Signal = 2
	SIGQUIT   Signal = 3
	SIGILL    Signal = 4
	SIGTRAP   Signal = 5
	SIGABRT   Signal = 6
	SIGBUS    Signal = 7
	SIGFPE    Signal = 8
	SIGKILL   Signal = 9
	SIGUSR1   Signal = 10
	SIGSEGV   Signal = 11
	SIGUSR2   Signal = 12
	SIGPIPE   Signal = 13
	SIGALRM   Signal = 14
	SIGTERM   Signal = 15
	SIGSTKFLT Signal = 16
	SIGCHLD   Signal = 17
	SIGCONT   Signal = 18
	SIGSTOP   Signal = 19
	SIGTSTP   Signal = 20
	SIGTTIN   Signal = 21
	SIGTTOU   Signal = 22
	SIGURG    Signal = 23
	SIGXCPU   Signal = 24
	SIGXFSZ   Signal = 25
	SIGVTALRM Signal = 26
	SIGPROF   Signal = 27
	SIGWINCH  Signal = 28
	SIGIO     Signal = 29
	SIGPWR    Signal = 30
	SIGSYS    Signal = 31
)

func sysKill(pid int, sig int) int

// Kill sends signal sig to process pid (a negative pid: its process group).
func Kill(pid int, sig Signal) error {
	if e := sysKill(pid, int(sig)); e != 0 {
		return Errno(e)
	}
	return nil
}

// Getpid returns the process id.
func Getpid() int

// Getppid returns the parent process's id.
func Getppid() int

// Getuid returns the user id.
func Getuid() int

// Geteuid returns the effective user id.
func Geteuid() int

// Getgid returns the group id.
func Getgid() int

// Getegid returns the effective group id.
func Getegid() int

// Getpagesize returns the system's memory page size.
func Getpagesize() int

// A WaitStatus is a child process's status as wait(2) reports it.
type WaitStatus uint32

// Exited reports whether the process ended by exiting.
func (w WaitStatus) Exited() bool { return w&0x7f == 0 }

// Signaled reports whether a signal ended the process.
func (w WaitStatus) Signaled() bool { return w&0x7f != 0x7f && w&0x7f != 0 }

// Stopped reports whether the process is stopped.
func (w WaitStatus) Stopped() bool { return w&0xff == 0x7f && w>>8 != 0xffff }

// Continued reports whether the process was continued by SIGCONT.
func (w WaitStatus) Continued() bool { return w == 0xffff }

// CoreDump reports whether the process dumped core.
func (w WaitStatus) CoreDump() bool { return w.Signaled() && w&0x80 != 0 }

// ExitStatus returns the exit code, or -1 if the process did not exit.
func (w WaitStatus) ExitStatus() int {
	if !w.Exited() {
		return -1
	}
	return int(w>>8) & 0xff
}

// Signal returns the signal that ended the process, or -1.
func (w WaitStatus) Signal() Signal {
	if !w.Signaled() {
		return -1
	}
	return Signal(w & 0x7f)
}

// StopSignal returns the signal that stopped the process, or -1.
func (w WaitStatus) StopSignal() Signal {
	if !w.Stopped() {
		return -1
	}
	return Signal(w>>8) & 0xff
}
