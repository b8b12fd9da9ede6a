# Benchmark (make bench, foreign calls): 2M calls of libc's abs() through
# ctypes; prints the cost of one call over the loop's own cost (the same
# loop without the call, timed in the same run).
import ctypes
import time

libc = ctypes.CDLL(None)
cabs = libc.abs
cabs.argtypes = [ctypes.c_int]
cabs.restype = ctypes.c_int
N = 2000000


def inline():
    s = 0
    for i in range(N):
        x = (i & 1023) - 512
        s += -x if x < 0 else x
    return s


def called():
    s = 0
    for i in range(N):
        s += cabs((i & 1023) - 512)
    return s


t0 = time.perf_counter()
a = inline()
t1 = time.perf_counter()
b = called()
t2 = time.perf_counter()
assert a == b
print("%.1f" % (((t2 - t1) - (t1 - t0)) * 1e9 / N))
