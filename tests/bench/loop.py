# Benchmark: 100M-iteration integer loop with % and ^; same work as loop.csp.
def main():
    s = 0
    for i in range(100000000):
        s = (s ^ i) % 1000003 + i % 7
    print(s)


main()
