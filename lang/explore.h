/*
 * explore.h — `csp explore`: runs a program under many simulated schedules
 * in one process and reports the first failure, or the distinct outcomes
 * (explore.c; the simulation itself is runtime/sim.c).
 */
#ifndef CSP_EXPLORE_H
#define CSP_EXPLORE_H

#include <stdbool.h>
#include <stdint.h>

/* `csp explore FILE [flags]`: argv[0] is FILE or a flag. Returns the exit
 * status: 0 no failure, 1 a failing schedule was found, 2 usage or
 * compile errors. */
int explore_main(int argc, char **argv);

/* The command that replays a simulated run: "csp -seed N -procs P FILE
 * ARGS..." (with -depth D when D is not the default, -race when on, and
 * -leaks=fail when leakfail: a run that failed by a goroutine leak fails
 * again). GC memory. */
const char *explore_replay_command(uint64_t seed, int procs, int depth,
                                   bool leakfail, int argc, char **argv);

/* Ps of a simulated run: procs when > 0, else $GOMAXPROCS, else
 * SIM_DEFAULT_PROCS (never the machine's CPU count: a seed must replay on
 * any machine). */
int explore_sim_procs(int procs);

#endif
