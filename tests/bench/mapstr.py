# Benchmark: 1M string-keyed map updates over 1000 keys; same as mapstr.csp.
def main():
    m = {}
    for i in range(1000000):
        k = "key" + str((i * 7919) % 1000)
        m[k] = m.get(k, 0) + i % 13
    total = 0
    for k, v in m.items():
        total += v * len(k)
    print(len(m), total)


main()
