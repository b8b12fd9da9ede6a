"""terminal.py CSP — drives the REPL on a pseudo-terminal as a user would: waits
for each prompt, types, and checks what the screen shows. Covers a
multi-line function (continuation prompt), redefinition, expression
printing, Ctrl-C interrupting `for {}`, a deadlock recovered, Ctrl-C on an
empty line, tab completion of a package member and Ctrl-D leaving. Prints `ok` or the failed step, exits 0/1."""
import os
import pty
import select
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
print("ok")
