"""panic_write.py CSP — an unrecovered panic's report reaches fd 2 in one
write. fd 2 is a SOCK_SEQPACKET socket, which keeps write boundaries: the
first message must hold the whole report. In pieces, the REPL's terminal
pump redrew its prompt between "panic: " and the value (it redraws after
output that does not end a line). Prints `ok` or what failed, exits 0/1."""
import os
import socket
import subprocess
import sys
import tempfile

csp = sys.argv[1]
prog = 'package main\n\nfunc main() {\n\tgo func() { panic("late") }()\n\tselect {}\n}\n'
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "p.csp")
    with open(path, "w") as f:
        f.write(prog)
    r, w = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    p = subprocess.Popen([csp, path], stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=w.fileno())
    w.close()
    r.settimeout(30)
    first = r.recv(1 << 16)
    p.wait(30)
want = b"panic: late\n\ngoroutine "
if not first.startswith(want) or b"created by main.main" not in first:
    print("FAIL: the report's first write is %r" % first)
    sys.exit(1)
print("ok")
