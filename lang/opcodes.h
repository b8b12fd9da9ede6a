/*
 * opcodes.h — the one table of csp bytecode instructions.
 *
 * OPCODES(X) lists every instruction as X(NAME, "fmt", "doc"). It is expanded
 * for the enum (OP_NAME), the names and operand formats (disasm.c) and the
 * computed-goto dispatch table (runtime/vm.c), so nothing is kept in sync by
 * hand. The VM includes this file although it lives in lang/: it is pure data
 * shared by the producer (compiler) and the consumer (VM) of bytecode and
 * knows nothing of the parser.
 *
 * ENCODING (see runtime/vm.h): one 64-bit word per instruction,
 *   bits 0..7 op | 8..23 A (16) | 24..39 B (16) | 40..63 C (24, signed or not).
 * R[x] is register x of the current frame, K[x] constant x of the Proto,
 * G[x] global slot x, U[x] upvalue x of the running closure.
 *
 * FORMAT: three characters, one per operand A, B, C:
 *   r register   k constant index   u unsigned immediate   i signed immediate
 *   j jump target (signed offset from the next instruction)   - unused
 * "ABCx:DEF" means the instruction is followed by one OP_EXTRA word whose
 * operands A, B, C have formats D, E, F (written x.A, x.B, x.C below).
 *
 * NAMING: a suffix F is float64, S string, U unsigned, I an immediate
 * operand; J-prefixed ops are fused compare-and-branch (taken when true).
 * Integer ops wrap at 64 bits; sized kinds are re-normalised with NORM.
 */
#ifndef CSP_OPCODES_H
#define CSP_OPCODES_H

#define OPCODES(X) \
    X(NOP,      "---",  "no operation") \
    X(EXTRA,    "uuu",  "operand word of the previous instruction") \
    X(SCHEDPT,  "---",  "simulation only (-seed): a preemption point before a shared access") \
    /* moves and constants */ \
    X(MOVE,     "rr-",  "R[A] = R[B]") \
    X(LOADK,    "r-k",  "R[A] = K[C]") \
    X(LOADI,    "r-i",  "R[A].i = C (also the zero of every scalar)") \
    X(GETG,     "r-u",  "R[A] = G[C]") \
    X(SETG,     "r-u",  "G[C] = R[A]") \
    X(GADDR,    "r-u",  "R[A].p = &G[C]") \
    X(GETUP,    "ru-",  "R[A] = *U[B] (captured scalar through its cell)") \
    X(SETUP,    "ru-",  "*U[B] = R[A]") \
    X(ADDUP,    "uui",  "*U[A] += C, re-normalised to integer Kind B (0: 64-bit)") \
    X(UPREF,    "ru-",  "R[A] = U[B] (the cell/box pointer or bound receiver)") \
    X(NEWCELL,  "rr-",  "R[A].p = new 1-slot cell holding R[B]") \
    X(CELLGET,  "rr-",  "R[A] = *R[B].p") \
    X(CELLSET,  "rr-",  "*R[A].p = R[B]") \
    X(CELLCOPY, "r--",  "R[A].p = new cell holding *R[A].p (per-iteration loop var)") \
    X(CLOSURE,  "r-k",  "R[A] = closure of Proto K[C], captures per Proto.caps") \
    /* memory: pointers, boxes */ \
    X(LOAD,     "rru",  "R[A] = R[B].p[C] (nil check)") \
    X(STORE,    "rur",  "R[A].p[B] = R[C] (nil check)") \
    X(ADDR,     "rru",  "R[A].p = R[B].p + C (nil check)") \
    X(NILCHK,   "r--",  "panic if R[A].p == nil") \
    X(BOXNEW,   "r-u",  "R[A].p = new zeroed box of C slots") \
    X(BOXCOPY,  "rru",  "R[A].p = new box, copy of C slots at R[B].p (nil check)") \
    X(COPYN,    "rru",  "copy C slots from R[B].p to R[A].p (nil check)") \
    /* the same with a size or offset too large for C (arrays over 2^24 slots) */ \
    X(ADDRK,    "rrk",  "R[A].p = R[B].p + K[C] slots (nil check)") \
    X(BOXNEWK,  "r-k",  "R[A].p = new zeroed box of K[C] slots") \
    X(BOXCOPYK, "rrk",  "R[A].p = new box, copy of K[C] slots at R[B].p (nil check)") \
    X(COPYNK,   "rrk",  "copy K[C] slots from R[B].p to R[A].p (nil check)") \
    X(AADDRK,   "rrrx:-uk", "AADDR with the array length in K[x.C]") \
    /* integer arithmetic (64-bit wrap) */ \
    X(ADD,      "rrr",  "R[A] = R[B] + R[C]") \
    X(SUB,      "rrr",  "R[A] = R[B] - R[C]") \
    X(MUL,      "rrr",  "R[A] = R[B] * R[C]") \
    X(DIV,      "rrr",  "R[A] = R[B] / R[C] (signed, panics on 0)") \
    X(MOD,      "rrr",  "R[A] = R[B] % R[C] (signed, panics on 0)") \
    X(DIVU,     "rrr",  "R[A] = R[B] / R[C] (unsigned)") \
    X(MODU,     "rrr",  "R[A] = R[B] % R[C] (unsigned)") \
    X(AND,      "rrr",  "R[A] = R[B] & R[C]") \
    X(OR,       "rrr",  "R[A] = R[B] | R[C]") \
    X(XOR,      "rrr",  "R[A] = R[B] ^ R[C]") \
    X(ANDNOT,   "rrr",  "R[A] = R[B] &^ R[C]") \
    X(SHL,      "rrr",  "R[A] = R[B] << R[C] (Go: >= 64 gives 0, < 0 panics)") \
    X(SHR,      "rrr",  "R[A] = R[B] >> R[C] arithmetic") \
    X(SHRU,     "rrr",  "R[A] = R[B] >> R[C] logical") \
    X(SHCLAMP,  "rr-",  "R[A] = min(R[B] as unsigned, 255): unsigned shift count") \
    X(ADDI,     "rri",  "R[A] = R[B] + C") \
    X(MULI,     "rri",  "R[A] = R[B] * C") \
    X(SHLI,     "rru",  "R[A] = R[B] << C (C < 64)") \
    X(SHRI,     "rru",  "R[A] = R[B] >> C arithmetic (C < 64)") \
    X(SHRUI,    "rru",  "R[A] = R[B] >> C logical (C < 64)") \
    X(ANDI,     "rri",  "R[A] = R[B] & C") \
    X(NEG,      "rr-",  "R[A] = -R[B]") \
    X(BNOT,     "rr-",  "R[A] = ^R[B]") \
    X(NOT,      "rr-",  "R[A] = !R[B]") \
    X(NORM,     "rru",  "R[A] = R[B] sign/zero-extended to integer Kind C") \
    /* floats */ \
    X(ADDF,     "rrr",  "R[A] = R[B] + R[C] (float)") \
    X(SUBF,     "rrr",  "R[A] = R[B] - R[C] (float)") \
    X(MULF,     "rrr",  "R[A] = R[B] * R[C] (float)") \
    X(DIVF,     "rrr",  "R[A] = R[B] / R[C] (float)") \
    X(NEGF,     "rr-",  "R[A] = -R[B] (float)") \
    X(F32,      "rr-",  "R[A] = R[B] rounded to float32") \
    X(I2F,      "rr-",  "R[A].f = (double)R[B].i") \
    X(U2F,      "rr-",  "R[A].f = (double)R[B].u") \
    X(F2I,      "rru",  "R[A] = float R[B] truncated to integer Kind C") \
    /* complex numbers: 2-slot boxes {re, im}; results in fresh boxes (complex.c) */ \
    X(CPLX,     "rrr",  "R[A] = complex(R[B].f, R[C].f)") \
    X(CPART,    "rru",  "R[A].f = real (C=0) or imag (C=1) part of complex R[B]") \
    X(ADDC,     "rrr",  "R[A] = R[B] + R[C] (complex)") \
    X(SUBC,     "rrr",  "R[A] = R[B] - R[C] (complex)") \
    X(MULC,     "rrr",  "R[A] = R[B] * R[C] (complex, in float64)") \
    X(DIVC,     "rrr",  "R[A] = R[B] / R[C] (complex, Go's complex128div)") \
    X(NEGC,     "rr-",  "R[A] = -R[B] (complex)") \
    X(C64,      "rr-",  "R[A] = complex R[B] with both parts rounded to float32") \
    /* comparisons producing bool */ \
    X(EQ,       "rrr",  "R[A] = R[B] == R[C] (bit identity: ints, bools, pointers)") \
    X(NE,       "rrr",  "R[A] = R[B] != R[C]") \
    X(LT,       "rrr",  "R[A] = R[B] < R[C] (signed)") \
    X(LE,       "rrr",  "R[A] = R[B] <= R[C] (signed)") \
    X(LTU,      "rrr",  "R[A] = R[B] < R[C] (unsigned)") \
    X(LEU,      "rrr",  "R[A] = R[B] <= R[C] (unsigned)") \
    X(EQF,      "rrr",  "R[A] = R[B] == R[C] (float)") \
    X(NEF,      "rrr",  "R[A] = R[B] != R[C] (float)") \
    X(LTF,      "rrr",  "R[A] = R[B] < R[C] (float)") \
    X(LEF,      "rrr",  "R[A] = R[B] <= R[C] (float)") \
    X(EQS,      "rrr",  "R[A] = R[B] == R[C] (string)") \
    X(NES,      "rrr",  "R[A] = R[B] != R[C] (string)") \
    X(LTS,      "rrr",  "R[A] = R[B] < R[C] (string)") \
    X(LES,      "rrr",  "R[A] = R[B] <= R[C] (string)") \
    X(EQV,      "rrrx:u-k", "R[A] = R[B] == R[C] by type K[x.C]; x.A=1 negates") \
    /* jumps */ \
    X(JMP,      "--j",  "pc += C") \
    X(JT,       "r-j",  "if R[A] then pc += C") \
    X(JF,       "r-j",  "if !R[A] then pc += C") \
    X(JEQ,      "rrj",  "if R[A] == R[B] then pc += C") \
    X(JNE,      "rrj",  "if R[A] != R[B] then pc += C") \
    X(JLT,      "rrj",  "if R[A] < R[B] then pc += C") \
    X(JLE,      "rrj",  "if R[A] <= R[B] then pc += C") \
    X(JLTU,     "rrj",  "if R[A] < R[B] (unsigned) then pc += C") \
    X(JLEU,     "rrj",  "if R[A] <= R[B] (unsigned) then pc += C") \
    X(JEQI,     "rij",  "if R[A] == B then pc += C") \
    X(JNEI,     "rij",  "if R[A] != B then pc += C") \
    X(JLTI,     "rij",  "if R[A] < B then pc += C") \
    X(JLEI,     "rij",  "if R[A] <= B then pc += C") \
    X(JGTI,     "rij",  "if R[A] > B then pc += C") \
    X(JGEI,     "rij",  "if R[A] >= B then pc += C") \
    X(JEQK,     "rkj",  "if R[A] == K[B] (int constant) then pc += C") \
    X(JNEK,     "rkj",  "if R[A] != K[B] (int constant) then pc += C") \
    X(JLTK,     "rkj",  "if R[A] < K[B] (signed int constant) then pc += C") \
    X(JLEK,     "rkj",  "if R[A] <= K[B] (signed int constant) then pc += C") \
    X(JGTK,     "rkj",  "if R[A] > K[B] (signed int constant) then pc += C") \
    X(JGEK,     "rkj",  "if R[A] >= K[B] (signed int constant) then pc += C") \
    X(FORLT,    "rrj",  "R[A] += 1; if R[A] < R[B] then pc += C (a loop's i++; i < n)") \
    X(FORLTI,   "rij",  "R[A] += 1; if R[A] < B then pc += C") \
    X(FORLTK,   "rkj",  "R[A] += 1; if R[A] < K[B] then pc += C") \
    X(JLTF,     "rrj",  "if R[A] < R[B] (float) then pc += C") \
    X(JLEF,     "rrj",  "if R[A] <= R[B] (float) then pc += C") \
    X(JNLTF,    "rrj",  "if !(R[A] < R[B]) (float) then pc += C") \
    X(JNLEF,    "rrj",  "if !(R[A] <= R[B]) (float) then pc += C") \
    X(JEQF,     "rrj",  "if R[A] == R[B] (float) then pc += C") \
    X(JNEF,     "rrj",  "if R[A] != R[B] (float) then pc += C") \
    /* strings */ \
    X(CONCAT,   "rrr",  "R[A] = R[B] + R[C] (string)") \
    X(LENS,     "rr-",  "R[A] = len(string R[B])") \
    X(STRIDX,   "rrr",  "R[A] = string R[B][R[C]] (byte, bounds check)") \
    X(SUBSTR,   "rrr",  "R[A] = R[B][R[C]:R[C+1]] (string)") \
    X(STRNEXT,  "rrj",  "range over string R[B] at byte R[A]: R[A+1]=i R[A+2]=rune, advance; at end pc += C") \
    X(RUNE2S,   "rr-",  "R[A] = string(rune R[B])") \
    X(B2S,      "rr-",  "R[A] = string([]byte R[B])") \
    X(S2B,      "rr-",  "R[A] = []byte(R[B])") \
    X(R2S,      "rr-",  "R[A] = string([]rune R[B])") \
    X(S2R,      "rr-",  "R[A] = []rune(R[B])") \
    /* slices and arrays */ \
    X(LEN,      "rr-",  "R[A] = len(slice R[B])") \
    X(CAP,      "rr-",  "R[A] = cap(slice R[B])") \
    X(SGET,     "rrr",  "R[A] = slice R[B][R[C]] (1-slot element, bounds check)") \
    X(SSET,     "rrr",  "slice R[A][R[B]] = R[C] (1-slot element)") \
    X(SADDR,    "rrrx:--u", "R[A].p = &slice R[B][R[C]], element of x.C slots") \
    X(AADDR,    "rrrx:-uu", "R[A].p = &array box R[B][R[C]], x.B = element slots, x.C = length") \
    X(MKSLICE,  "rrux:--k", "R[A] = []T{R[B]..R[B+C-1]}, T = K[x.C]") \
    X(MAKESLICE,"rrrx:--k", "R[A] = make([]T, R[B], R[C]), T = K[x.C] (slice type)") \
    X(SLICE,    "rrrx:uuu", "R[A] = R[B][R[C]:R[C+1]:R[C+2]]; x.A mode (1 array, 2 three-index, 4 hi omitted, 8 x.C is K[] of the length), x.B elem slots, x.C array length") \
    X(APPEND,   "rrux:-uk", "R[A] = append(R[B], R[C]..R[C+x.B-1]), elem K[x.C]") \
    X(APPENDSL, "rrrx:u-k", "R[A] = append(R[B], R[C]...), elem K[x.C]; x.A=1: R[C] is a string") \
    X(COPY,     "rrrx:u-u", "R[A] = copy(R[B], R[C]), x.C elem slots; x.A=1: R[C] is a string") \
    X(CLEARS,   "r-u",  "zero the elements of slice R[A], C slots each") \
    X(S2A,      "rrkx:u--", "R[A] = array type K[C] (slice R[B]) as a new box (x.A=0) or pointer to it (x.A=1); panics when len < K[C].len") \
    /* maps */ \
    X(MAKEMAP,  "rrk",  "R[A] = make(K[C], hint R[B])") \
    X(MAPGET,   "rrrx:--k", "R[A] = map R[B][R[C]] (zero if absent), map type K[x.C]") \
    X(MAPGET2,  "rrrx:--k", "R[A], R[A+1] = map R[B][R[C]], ok") \
    X(MAPSET,   "rrr",  "map R[A][R[B]] = R[C]") \
    X(MAPDEL,   "rrk",  "delete(map R[A], R[B]), map type K[C]") \
    X(LENMAP,   "rr-",  "R[A] = len(map R[B])") \
    X(MAPCLEAR, "r--",  "clear(map R[A])") \
    X(MAPITER,  "rr-",  "R[A] = new iterator over map R[B]") \
    X(MAPNEXT,  "r-j",  "R[A+1], R[A+2] = next key, value of iterator R[A]; at end pc += C") \
    /* interfaces */ \
    X(IFACE,    "rrk",  "R[A] = interface holding R[B] of type K[C]") \
    X(ASSERT,   "rrkx:--k", "R[A] = R[B].(K[C]) (panics); static type K[x.C] for the message") \
    X(ASSERT2,  "rrk",  "R[A], R[A+1] = R[B].(K[C]) comma-ok (zero value, false on failure)") \
    X(TYPEIS,   "rrk",  "R[A] = R[B] holds type K[C] (type switch; K[C] nil: R[B] is nil)") \
    X(EQIF,     "rrr",  "R[A] = R[B] == R[C] (interfaces; panics if uncomparable)") \
    X(NEIF,     "rrr",  "R[A] = R[B] != R[C] (interfaces)") \
    X(BIND,     "rrk",  "R[A] = closure of thunk K[C] with U[0] = R[B] (method value)") \
    /* calls */ \
    X(CALL,     "r--",  "call closure R[A] with args R[A+1..]; results to R[A..]") \
    X(CALLK,    "r-k",  "call Proto K[C] with args R[A+1..]; results to R[A..]") \
    X(CALLKR,   "rrk",  "R[A+1] = R[B], then CALLK A K[C] (zero-argument method call)") \
    X(CALLKU,   "ruk",  "R[A+1] = U[B], then CALLK A K[C] (method on a captured variable)") \
    X(CALLN,    "r-k",  "CALLK of a native K[C] (its fast path: no frame)") \
    X(CALLNR,   "rrk",  "R[A+1] = R[B], then CALLN A K[C] (zero-argument native method)") \
    X(CALLNU,   "ruk",  "R[A+1] = U[B], then CALLN A K[C] (native method on a captured variable)") \
    X(CALLNF,   "rrk",  "R[A+1] = R[B]; native K[C]'s inline fast path (rt.h NativeFast), else CALLN A K[C]") \
    X(CALLNFU,  "ruk",  "R[A+1] = U[B], then as CALLNF") \
    X(CALLI,    "rku",  "call method K[B] of interface R[A+1] (receiver slot), inline cache C") \
    X(RET,      "ru-",  "return R[A..A+B-1]") \
    X(RUNDEFER, "---",  "run the next deferred call of this frame, then re-execute") \
    X(DEFER,    "ru-",  "defer call of closure R[A] with args R[A+1..A+B]") \
    X(RECOVER,  "r--",  "R[A] = recover()") \
    X(PANIC,    "r--",  "panic(R[A]) (R[A] an interface)") \
    X(UNSUP,    "--k",  "panic: feature K[C] is not supported yet") \
    /* goroutines and channels (may park the fiber: see vm.c) */ \
    X(GO,       "ru-",  "go: start a goroutine calling closure R[A] with args R[A+1..A+B]") \
    X(MAKECHAN, "rrk",  "R[A] = make(chan K[C], R[B]) (K[C] the element type)") \
    X(SEND,     "rr-",  "chan R[A] <- R[B]") \
    X(RECV,     "rru",  "R[A] = <-chan R[B]; C=1: R[A+1] = ok too") \
    X(CLOSE,    "r--",  "close(chan R[A])") \
    X(LENCH,    "rr-",  "R[A] = len(chan R[B])") \
    X(CAPCH,    "rr-",  "R[A] = cap(chan R[B])") \
    X(SELECT,   "r--x:uuu", "select over x.A sends then x.B receives: case i is R[A+2+2i] (chan), R[A+3+2i] (value to send / received value); R[A] = chosen (-1: default), R[A+1] = recv ok; x.C=1: has default") \
    /* builtins */ \
    X(PRINT,    "rku",  "print R[A] of type K[B] to stderr; C&1: space first, C&2: newline after") \
    X(MINMAX,   "rru",  "R[A] = min/max(R[A], R[B]); C: 0 min int, 1 max int, 2 min uint, 3 max uint, 4 min float, 5 max float, 6 min str, 7 max str") \
    /* range over a function (lang/compile_range.c) */ \
    X(FRAMETOK, "r--",  "R[A] = a new defer holder, itself deferred on this frame") \
    X(DEFERAT,  "rur",  "DEFER A B, but onto holder R[C] (a defer in a loop body)") \
    X(RFPANIC,  "r--",  "panic: the iterator misbehaved; R[A] is the loop's state")

typedef enum Opcode {
#define OP_ENUM(name, fmt, doc) OP_##name,
    OPCODES(OP_ENUM)
#undef OP_ENUM
    OP_NOPCODES
} Opcode;

#endif
