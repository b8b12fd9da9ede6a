"""terminal.py CSP — drives the REPL on a pseudo-terminal as a user would: waits
for each prompt, types, and checks what the screen shows. Covers a
multi-line function (continuation prompt), redefinition, expression
printing, Ctrl-C interrupting `for {}`, a deadlock recovered, tab
completion of a package member, a background goroutine printing above the
line being typed, Ctrl-C running deferred calls and leaving a blocked
input, a background panic, :goroutines, :reset, :write (the program runs
with the session's output), Ctrl-C on an empty line and Ctrl-D leaving.
Prints `ok` or the failed step, exits 0/1."""
import os
import pty
import select
import subprocess
import sys
import time

csp = sys.argv[1]
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "dumb"
    os.execv(csp, [csp])

screen = b""


def expect(pat, timeout=20, fatal=True):
    global screen
    end = time.time() + timeout
    while time.time() < end:
        if pat in screen:
            screen = screen[screen.index(pat) + len(pat):]
            return True
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                screen += os.read(fd, 4096)
            except OSError:
                break
    if not fatal:
        return False
    print("FAIL: no %r; screen:\n%s" % (pat, screen.decode(errors="replace")))
    os.kill(pid, 9)
    sys.exit(1)


def typed(s):
    os.write(fd, s.encode())


expect(b"csp version")
expect(b"csp> ")
typed("func f(n int) int {\n")
expect(b"...  ")
typed("return n * 2\n")
expect(b"...  ")
typed("}\n")
expect(b"csp> ")
typed("f(21)\n")
expect(b"42")
typed("func f(n int) int { return n + 1 }\n")
expect(b"csp> ")
typed("f(41)\n")
expect(b"42")
typed("x := 7\n")
expect(b"csp> ")
typed("for {}\n")
for _ in range(10):  # until the loop runs: a slow machine may still compile
    time.sleep(0.3)
    os.write(fd, b"\x03")
    if expect(b"interrupted", 2, False):
        break
else:
    expect(b"interrupted", 0)
expect(b"csp> ")
typed("<-make(chan int)\n")
expect(b"all goroutines are asleep - deadlock!")
expect(b"csp> ")
typed("x * 6\n")
expect(b"42")
expect(b"csp> ")
typed("strings.ToUp\t")
expect(b"strings.ToUpper")
typed("(\"tab\")\n")
expect(b"TAB")
expect(b"csp> ")
# A goroutine started at the prompt prints while a line is being typed:
# its output goes above, and the prompt with the typed text is redrawn.
typed('go func() { for i := 0; i < 3; i++ { time.Sleep(300 * time.Millisecond); '
      'fmt.Println("tick", i) } }()\n')
expect(b"csp> ")
typed("fmt.Prin")
expect(b"tick 0")
expect(b"csp> fmt.Prin")
expect(b"tick 2")
expect(b"csp> fmt.Prin")
typed('tln("typed")\n')
expect(b"typed")
expect(b"csp> ")
# Ctrl-C unwinds the input as runtime.Goexit does: deferred calls run.
typed('func() { defer fmt.Println("deferred ran"); for {} }()\n')
for _ in range(10):
    time.sleep(0.3)
    os.write(fd, b"\x03")
    if expect(b"interrupted", 2, False):
        break
expect(b"deferred ran")
expect(b"csp> ")
# Ctrl-C wakes an input sleeping in time.Sleep and interrupts it.
typed("time.Sleep(time.Hour)\n")
time.sleep(0.5)
os.write(fd, b"\x03")
expect(b"interrupted", 5)
expect(b"csp> ")
# An input blocked on a channel (not a deadlock: a sleeper may still send)
# is left behind; the prompt comes back.
typed("go time.Sleep(time.Hour)\n")
expect(b"csp> ")
typed("<-make(chan int, 1)\n")
time.sleep(0.5)
os.write(fd, b"\x03")
expect(b"is blocked; it ends when it wakes", 5)
expect(b"csp> ")
# A panic in a background goroutine is printed; the session goes on.
typed('go func() { time.Sleep(100 * time.Millisecond); panic("late") }()\n')
expect(b"panic: late")
expect(b"csp> ")
typed(":goroutines\n")
expect(b"[chan receive]")
expect(b"csp> ")
typed("x + 1\n")
expect(b"8")
expect(b"csp> ")
# :reset, then :write saves a program that prints what the session did.
written = os.path.join(os.environ.get("HOME", "/tmp"), "pty_session.csp")
typed(":reset\n")
expect(b"csp> ")
typed("y := 6\n")
expect(b"csp> ")
typed("func times7(n int) int {\n")
expect(b"...  ")
typed("return n * 7\n}\n")
expect(b"csp> ")
typed("times7(y)\n")
expect(b"42")
typed(":write %s\n" % written)
expect(b"csp> ")
time.sleep(0.3)  # let the line editor start reading, as a person would
os.write(fd, b"\x03")
expect(b"to leave")
expect(b"csp> ")
time.sleep(0.3)
os.write(fd, b"\x04")
for _ in range(200):
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    time.sleep(0.1)
else:
    print("FAIL: still running after Ctrl-D; screen:\n%s" % screen.decode(errors="replace"))
    os.kill(pid, 9)
    sys.exit(1)
if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
    print("FAIL: exit status %d" % status)
    sys.exit(1)
out = subprocess.run([csp, written], capture_output=True, timeout=30).stdout
if out != b"42\n":
    print("FAIL: the :write program printed %r" % out)
    sys.exit(1)
print("ok")
